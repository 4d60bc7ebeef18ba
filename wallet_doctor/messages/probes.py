"""The automatic checks' words (probes/): what each checks, its results and reasons, and the question
of which device has the problem."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "probe.running": {"zh-CN": "正在本机自动检查", "en": "Checking automatically on this computer"},
    "probe.name.internet": {"zh-CN": "能否连上互联网", "en": "whether it reaches the internet"},
    "probe.name.clock": {"zh-CN": "时钟是否准确", "en": "whether its clock is right"},
    "probe.name.proxy": {"zh-CN": "是否设置了代理", "en": "whether a proxy is set"},
    "probe.failed": {"zh-CN": "检查本身出了问题。", "en": "The check itself went wrong."},
    "probe.internet.no_hosts": {"zh-CN": "没有设置要检查的网站。", "en": "No sites are set to check."},
    "probe.internet.not_allowed": {
        "zh-CN": "这台电脑不允许本程序联网。",
        "en": "This computer does not let the program connect.",
    },
    "probe.internet.pass": {
        "zh-CN": "这台电脑在 {ms} 毫秒内连上了 {host}。",
        "en": "This computer reached {host} in {ms} ms.",
    },
    "probe.internet.fail.name": {
        "zh-CN": "这台电脑查不到任何网站的地址（试了 {hosts}：{reason}）。",
        "en": "This computer could not look up any site's address (tried {hosts}: {reason}).",
    },
    "probe.internet.fail.connect": {
        "zh-CN": "这台电脑连不上任何网站（试了 {hosts}：{reason}）。",
        "en": "This computer could not connect to any site (tried {hosts}: {reason}).",
    },
    "probe.reason.timeout": {"zh-CN": "等待超时", "en": "no answer in time"},
    "probe.reason.name": {"zh-CN": "找不到这个网址", "en": "the name was not found"},
    "probe.reason.certificate": {
        "zh-CN": "网站证书不被信任，可能有代理或需要登录的 Wi-Fi",
        "en": "the site's certificate was not trusted, as behind a proxy or a Wi-Fi sign-in page",
    },
    "probe.reason.secure": {"zh-CN": "安全连接没有建立", "en": "the secure connection failed"},
    "probe.reason.refused": {"zh-CN": "连接被拒绝", "en": "the connection was refused"},
    "probe.reason.blocked": {"zh-CN": "连接被系统阻止", "en": "the system blocked the connection"},
    "probe.reason.connection": {"zh-CN": "连接失败", "en": "the connection failed"},
    "probe.clock.pass": {
        "zh-CN": "这台电脑的时钟准确（与 {host} 相差 {seconds} 秒）。",
        "en": "This computer's clock is right (off from {host} by {seconds} s).",
    },
    "probe.clock.ahead": {
        "zh-CN": "这台电脑的时钟比 {host} 快了 {amount} {unit}。",
        "en": "This computer's clock is {amount} {unit} ahead of {host}.",
    },
    "probe.clock.behind": {
        "zh-CN": "这台电脑的时钟比 {host} 慢了 {amount} {unit}。",
        "en": "This computer's clock is {amount} {unit} behind {host}.",
    },
    "probe.clock.not_run": {"zh-CN": "没有网站能告诉我们时间。", "en": "No site could tell the time."},
    "probe.unit.days": {"zh-CN": "天", "en": "days"},
    "probe.unit.hours": {"zh-CN": "小时", "en": "hours"},
    "probe.unit.minutes": {"zh-CN": "分钟", "en": "minutes"},
    "probe.proxy.pass": {"zh-CN": "这台电脑没有设置代理。", "en": "No proxy is set on this computer."},
    "probe.proxy.fail": {
        "zh-CN": "这台电脑通过代理 {host} 上网（{variable}）。",
        "en": "This computer sends its traffic through the proxy {host} ({variable}).",
    },
    "device.ask": {
        "zh-CN": "出问题的钱包在哪台设备上？",
        "en": "Which device has the problem?",
    },
    "device.other": {"zh-CN": "手机或平板", "en": "A phone or tablet"},
    "device.here": {"zh-CN": "就是这台电脑", "en": "This computer"},
    "device.why": {
        "zh-CN": "自动检查只能检查这台电脑，检查不了你的手机。",
        "en": "The automatic checks can test only this computer, not your phone.",
    },
    "probe.here": {"zh-CN": "本机检查结果：", "en": "On this computer:"},
    "probe.elsewhere": {
        "zh-CN": "仅供参考（检查的是这台电脑，不是你的手机）：",
        "en": "For your information (this tested this computer, not your phone):",
    },
    "probe.elsewhere.internet.pass": {
        "zh-CN": "如果手机连的是同一个 Wi-Fi，说明这个 Wi-Fi 本身是通的。",
        "en": "If your phone is on the same Wi-Fi, the Wi-Fi itself works.",
    },
    "probe.elsewhere.internet.fail": {
        "zh-CN": "如果手机连的是同一个 Wi-Fi，问题可能出在 Wi-Fi 或路由器上。",
        "en": "If your phone is on the same Wi-Fi, the Wi-Fi or the router may be at fault.",
    },
    "probe.elsewhere.clock.pass": {
        "zh-CN": "这不能说明手机的时钟是否准确，请看手机上的时间。",
        "en": "That says nothing about your phone's clock: look at the time on the phone.",
    },
    "probe.elsewhere.clock.fail": {
        "zh-CN": "这不能说明手机的时钟是否准确，请看手机上的时间。",
        "en": "That says nothing about your phone's clock: look at the time on the phone.",
    },
    "probe.elsewhere.proxy.pass": {
        "zh-CN": "这不能说明手机上是否开着 VPN 或代理，请在手机设置里看一看。",
        "en": "That says nothing about a VPN or proxy on your phone: look in the phone's settings.",
    },
    "probe.elsewhere.proxy.fail": {
        "zh-CN": "这不能说明手机上是否开着 VPN 或代理，请在手机设置里看一看。",
        "en": "That says nothing about a VPN or proxy on your phone: look in the phone's settings.",
    },
    "probe.not_run": {
        "zh-CN": "自动检查无法完成，请自己回答。",
        "en": "The automatic check could not finish; please answer yourself.",
    },
}
