"""`wallet-doctor search` finds the right tree first for the words real people wrote (held-out evaluation 5,
cause 8): each query is a writer's own phrase, and the tree is the one whose walk fits their report."""

from __future__ import annotations

import pytest


# Each case: a writer's words, the trees that must come first in that order ([] when only `offered` matters),
# and a tree that must be among the first three (None when `first` says it all). Grouped by the held-out round
# whose reports gave the words.
@pytest.mark.parametrize(
    ("query", "first", "offered"),
    [
        ("钱包页面进不去", ["network"], None),
        ("Apple Pay card not working", ["payments"], None),
        ("云闪付 碰一碰 付不了", ["payments"], None),
        ("您的操作频率过快，请稍后再试", ["device", "login"], None),
        ("操作频率过快 请稍后再试", ["device", "login"], None),
        ("cash app rejected it so I had to reverse it, still haven't got my money", ["withdrawal"], None),
        ("cash app rejected reversed money not back", ["withdrawal"], None),
        ("code incorrect password reset", ["login"], None),
        ("INCORRECT CODE, I am not sent a new code, password reset", ["login"], None),
        ("5月25日的提现到今天还在审核中", ["withdrawal"], None),
        ("充值101元提现一直冻结", ["withdrawal"], None),
        ("在某东付款，结果被风控无法付款", ["transaction"], None),
        ("铭刻图片一直没有确认 orderId", ["self_custody"], None),
        (
            "We were unable to load our bank deposit details. Is this because I have to wait until I'm verified?",
            ["wallet_opening"],
            None,
        ),
        # held-out evaluation 6, cause 8: the writers' own words for double payments, refused cards, lost
        # authenticators and old numbers
        ("支付重复提交 多支付了好几次", ["transaction"], None),
        ("扣了两次", ["transaction"], None),
        ("对方银行反馈卡不能用", ["payments"], None),
        ("card not accepted", ["payments"], None),
        ("Add a card that is accepted by MetaMask", ["payments"], None),
        ("authenticator deleted", ["login"], None),
        ("lost 2FA", ["login"], None),
        ("old number", ["login"], None),
        ("换号", ["login"], None),
        ("旧手机号", ["login"], None),
        ("支付宝付款 验证码发到以前的号码", ["login"], None),
        ("paypal限制了国人之间的转账，提示转账失败", ["payments"], None),
        # held-out evaluation 8, cause 9 (branch causes9b): an ID photo that won't upload, an app that won't start,
        # Electrum's servers, and "withdrew"
        ("身份证图片上传不了", ["wallet_opening"], None),
        ("云闪付 无法启动", ["app_update"], None),
        ("Electrum server", ["self_custody"], None),
        ("electrum not connected servers red circle", ["self_custody"], None),
        ("withdrew ether from exchange not arrived not on etherscan", ["withdrawal"], None),
        # held-out evaluation 8, cause 6: 支付 wordings, the lock message as seen, "payment unavailable" abroad or
        # after a language change, past-tense "withdrew", and a tap answered with "use card as prompted"
        ("无法支付", ["transaction"], None),
        ("支付宝 输入验证码后 报错 无法支付", ["transaction"], None),
        ("使用PayPal购买流量一致收不到支付的短信验证码，请问怎么解决啊", ["payments"], None),
        ("收不到支付的短信验证码", ["payments"], None),
        ("多次密码错误", ["payments"], None),
        ("微信 支付 不可用", ["login"], None),
        ("换了手机后 支付不可用", ["login"], None),
        ("payment is unavailable", ["login"], None),
        ("withdrew", ["withdrawal"], None),
        ("tap to pay", ["payments"], None),
        ("use card as prompted", ["transaction"], None),
        ("Apple Pay Bank Security Check use card as prompted", ["transaction"], None),
        ("abroad", ["login"], None),
        ("roaming", ["login"], None),
        (
            "How can I login Cashapp cause I just left the state went to take care of dad business at African",
            ["login"],
            None,
        ),
        ("多扣了一笔", ["transaction"], None),
        ("银行卡不可用", ["payments"], None),
        # Held-out evaluation 6, cause 9 (branch causes7b): the writers' own words in the blocked, self-custody,
        # device, network and opening areas.
        ("paypal account permanently limited", ["blocked_account"], None),
        ("Why PayPal made accounts permanently limited because of Liberapay transactions", ["blocked_account"], None),
        ("PayPal 账户受限 永久限制", ["blocked_account"], None),
        ("HCash 钱包 币安 账户异常 冻结 解冻", ["self_custody"], None),
        ("GrapheneOS", ["device"], None),
        ("Google Wallet does not open saying There was a problem setting the active account", ["network"], None),
        ("Apple Pay Mac add card error region changed", ["device"], None),
        ("更改了系统区域码后 Mac 无法使用Apple Pay", ["device"], None),
        ("开着shadowsocks 支付宝 请求时间过长", ["network"], None),
        ("unable to verify identity drivers license oops something went wrong", ["wallet_opening"], None),
        ("sent BTC to my bank account", ["self_custody"], None),
        # "账户异常 冻结" with an exchange's name: a crypto wallet, so self_custody is offered beside the account
        # trees.
        ("手机钱包转账到币安 提示账户异常 冻结", [], "self_custody"),
        ("google wallet won't open GrapheneOS", [], "device"),
        # Held-out evaluation 7 (branch causes8a): scam reports' own words put fraud_check first (it ranked 4th); a
        # forgotten passcode or PIN and an unrequested sign-in code find login; a declined payment, a double card
        # charge and the payer's own real-name mismatch find transaction and payments.
        ("scam", ["fraud_check"], None),
        ("I got scammed", ["fraud_check"], None),
        ("phishing", ["fraud_check"], None),
        ("buyer overpaid", ["fraud_check"], None),
        ("fake support", ["fraud_check"], None),
        ("诈骗", ["fraud_check"], None),
        ("被骗了", ["fraud_check"], None),
        ("骗子", ["fraud_check"], None),
        ("钓鱼邮件", ["fraud_check"], None),
        ("假客服", ["fraud_check"], None),
        ("买家说多付了 要我退差价", ["fraud_check"], None),
        ("buyer overpaid paypal email", ["fraud_check"], None),
        ("buyer says he sent 3000 more, paypal email says funds deducted, pay the agent", ["fraud_check"], None),
        ("passcode", ["login"], None),
        ("can't remember passcode", ["login"], None),
        ("PIN", ["login"], None),
        ("I can't remember on the passcode but the one 4-digit passcode I use don't work", ["login"], None),
        ("收到支付宝账户正在登录的短信验证码 我没有操作", ["login"], None),
        ("支付宝拒绝支付", ["transaction"], None),
        ("扣了我两笔相同的费用", ["transaction"], None),
        ("您的身份资料和账户资料不匹配，请核实后再发起支付", ["payments"], None),
        ("实名核验", ["payments"], None),
        # held-out evaluation 7, cause 9 (branch causes8b): the writers' words for a risk flag on a modified phone or
        # an account, a custom RPC ("custom" must not pull customer_info ahead), Samsung Knox, a proxy that makes bank
        # apps quit, a rescan and an official bridge's withdrawal.
        ("数字人民币 有风险", ["device"], "device"),
        ("开启屏蔽后，数字人民币仍然提示 有风险 无法使用", ["device"], "device"),
        ("账号存在风险", ["blocked_account"], "device"),
        ("您的账号存在风险，暂时不能参加该活动", ["blocked_account"], "device"),
        ("custom RPC", ["self_custody"], "self_custody"),
        ("I am adding a custom RPC, metamask keep showing Searching for Network", ["self_custody"], "network"),
        ("knox", ["device"], "device"),
        ("Samsung Wallet not working after root", ["device"], "device"),
        ("Couldn't set Samsung Wallet verification method", ["device"], "device"),
        ("银行app因为代理了就不能进入 强制退出 Shadowrocket", ["network"], "network"),
        ("scan addresses balance wrong", ["self_custody"], "self_custody"),
        ("跨链 过了7天还不到账 L2", ["self_custody"], "self_custody"),
        ("suspended asks for payslip or bank statement, no upload option", ["blocked_account"], "blocked_account"),
        ("登陆不上", ["login"], None),  # 登陆, a common slip for 登录
        ("交通银行刷脸过不了", ["login"], None),  # 刷脸 is 人脸识别
        ("I withdrew 50 dollars and never got it", ["withdrawal"], None),  # withdrew is withdraw
        # Held-out evaluation 9 (branch causes10a): a payment password "wrong" at the payment step offers payments; a
        # payee's code blocked by one wallet only; the complaint word (triage isn't searchable: payments holds
        # pay_autodebit and its complaint route); a refused third-party sign-in; Apple Pay's "Could not add card".
        ("支付的时候直接提示密码错误", [], "payments"),
        ("微信没问题，支付宝会拦截", [], "payments"),
        ("投诉", [], "payments"),
        ("当前帐号无法使用该服务", [], "login"),
        ("扫码后出现“当前帐号无法使用该服务”", [], "login"),
        ("Could not add card", [], "payments"),
        ("默认规则下，pdd无法调用云闪付支付 关闭QuantumultX代理就可以了", [], "network"),
        # heldout9 (branch causes10b): theft words with 合约/币/钱包 find self_custody before blocked_account (your
        # own account frozen); 提币未到账 offers self_custody (the bridge answer on the explorer question); Alipay's
        # "非法操作，当前手机不安全" finds device; an Electrum 2FA wallet without its seed finds self_custody.
        ("智能合约 盗取", ["self_custody"], "self_custody"),
        ("我被智能合約盜取 請求凍結對方", ["self_custody"], "self_custody"),
        ("被盗 冻结对方", ["self_custody"], "self_custody"),
        ("提币未到账", [], "self_custody"),
        ("非法操作，当前手机不安全", ["device"], "device"),
        ("支付宝 非法操作", ["device"], "device"),
        ("Lost phone with two-factor authentication, no seed", ["self_custody"], "self_custody"),
        # heldout10 (branch causes11): ties broken for a modified phone's crash (device before app_update) and the
        # recovery phrase (self_custody); bare payment words (支付, 未支付, 付款成功, 退款) now find the payment tree
        # instead of nothing.
        ("Xposed 闪退", ["device"], None),
        ("助记词", ["self_custody"], None),
        ("支付", ["transaction"], None),
        ("未支付", ["transaction"], None),
        ("付款成功", ["transaction"], None),
        ("退款", ["transaction"], None),
        # heldout11 (branch causes12a): 2FA words find login (a withdrawal's authenticator code finds withdrawal,
        # whose new choice leads to the same lost-authenticator page); KYC rejected finds wallet_opening; a fee or
        # deposit to unfreeze finds the fraud check before the blocked-account tree.
        ("2FA", ["login"], None),
        ("2FA code not received sms", ["login"], None),
        ("谷歌验证器 提现", ["withdrawal"], None),
        ("KYC rejected", ["wallet_opening"], None),
        ("fee to unfreeze", ["fraud_check"], None),
        ("unfreeze fee", ["fraud_check"], None),
        ("pay fee to unfreeze usdt", ["fraud_check"], None),
        # heldout11 (branch causes12b): everyday words for a white screen, a crash exit, a lost wallet, Zygisk, a
        # hardware wallet that isn't detected and MetaMask's "nonce too low"; a 云闪付 crash goes to the crash trees,
        # not payments.
        ("白屏", ["app_update"], None),
        ("恢复钱包 白屏", ["self_custody"], None),
        ("异常退出", ["app_update"], None),
        ("钱包丢失", ["self_custody"], None),
        ("找回钱包", ["self_custody"], None),
        ("zygisk", ["device"], None),
        ("Ledger not detected", ["self_custody"], None),
        ("nonce too low", ["self_custody"], None),
        ("white screen", ["app_update", "self_custody"], None),
        ("云闪付 闪退", ["app_update", "device"], None),
        ("云闪付闪退", ["app_update", "device"], None),
        # heldout12 (branch causes13): lost coins, a stuck sync, a stolen phone, a spinning extension, a transfer from
        # an exchange and a crash exit go to self_custody; Alipay's "System error" to payments; "paid but nothing
        # came" to transaction.
        ("币不见了", ["self_custody"], None),
        ("neo 币 不见了", ["self_custody"], None),
        ("钱包同步 停留", ["self_custody"], None),
        ("钱包同步 停留 余额不足", ["self_custody"], None),
        ("同步停止", ["self_custody"], None),
        ("钱包 被盗", ["self_custody"], None),
        ("币被盗", ["self_custody"], None),
        ("phone stolen", ["self_custody"], None),
        ("phone stolen can't access wallet", ["self_custody"], None),
        ("keeps spinning", ["self_custody"], None),
        ("sent from exchange funds haven't appeared in wallet", ["self_custody"], None),
        ("钱包闪退 意外退出", ["self_custody"], None),
        ("unexpectedly quit", ["self_custody"], None),
        ("系统错误", ["payments"], None),
        ("System error", ["payments"], None),
        ("付款成功 没到账", ["transaction"], None),
        ("付款成功 没开通", ["transaction"], None),
        # heldout13 (branch causes14a): a code that never comes ranks login before the fraud check; a restore that
        # gives other addresses or loses one account ranks self_custody first; "confirmed", a hash or "on chain"
        # offers self_custody.
        ("登入验证码一直没有收到 退钱", ["login"], None),
        ("支付宝支付 无法收到验证码", ["login"], None),
        ("验证码 收不到", ["login"], None),
        ("助记词恢复 不是之前的地址", ["self_custody"], None),
        ("助记词恢复钱包 账户丢失", ["self_custody"], None),
        ("充值 交易显示确认了 没有到账", [], "self_custody"),
        ("哈希 没到账", [], "self_custody"),
        ("链上 没到账", [], "self_custody"),
        ("TXID 没到账", [], "self_custody"),
        # heldout13 (branch causes14b): a failed tap at a shop terminal: payments' first menu and transaction's
        # tx_tap_what both lead to the tap-to-pay page; the set-up words find transaction.
        ("NFC contactless tap to pay", ["payments"], "transaction"),
        ("碰一碰 付款 失败", ["payments"], "transaction"),
        ("默认支付应用", ["transaction"], None),
        ("default payment app", ["transaction"], None),
        # heldout14 (branch causes15b): a ban in the writer's own words, a frozen or unresponsive app (network's crash
        # question asks about modules), a card hold rather than an account freeze, a payment page that won't load,
        # an inscription order, a bank withdrawal that hasn't arrived, a failed security requirement, an ID-number
        # change, and a desktop wallet that can't find its account.
        ("被封了 解封", ["blocked_account"], None),
        ("解封", ["blocked_account"], None),
        ("卡死 无响应", ["network"], None),
        ("支付宝打开后在主界面卡死，系统提示无响应", ["network"], None),
        ("LSPosed 芝麻粒 支付宝 卡死", ["device"], None),
        ("信用卡 款项 冻结状态", ["transaction"], None),
        ("支付页面一直打不开 正在加载支付页面", ["payments"], None),
        ("订单不成立 钱包被扣款 铭文", ["self_custody"], None),
        ("withdrawal to bank not arrived", ["withdrawal"], None),
        ("paypal transfer to bank completed but not in bank account", ["withdrawal"], None),
        ("device does not meet security requirements", ["device"], None),
        ("身份证信息校验失败", ["customer_info"], None),
        ("身份证号变更", ["customer_info"], None),
        ("找不到账户 转不出去", ["self_custody"], None),
        ("BTM 不能提出 fail to find account", ["self_custody"], None),
        # heldout14 (branch causes15a): a scam-app warning call, a merchant's checkout page, a marketplace seller who
        # hasn't sent the item (its card hold and completed-withdrawal rows are the same as causes15b's above).
        ("银联会议", ["fraud_check"], None),
        ("会议软件 屏幕共享", ["fraud_check"], None),
        ("checkout page won't load", ["payments"], None),
        ("ebay seller says funds frozen open case will send item later", ["transaction"], None),
        # held-out evaluation 15 (branch causes16b): an outage's "Prepaid is unavailable", a crash at payment caused
        # by a background/battery tool, identity misuse (冒名办卡, 一键查卡) and a regional wallet's local ID
        ("Prepaid is unavailable", ["network"], None),
        ("黑阈 阻止支付宝 付款 闪退", ["network"], None),
        ("阻止支付宝后 在其他应用中用到支付宝付款的时候支付宝付款框弹出后会造成当前应用闪退", ["network"], None),
        ("省电 后台限制 冻结应用", ["network"], None),
        ("闪退 省电", ["network"], None),
        ("付款时闪退 后台限制", ["network"], None),
        ("一键查卡", ["fraud_check"], None),
        ("身份被冒用", ["fraud_check"], None),
        ("冒名办卡", ["fraud_check"], None),
        ("冒名贷款", ["fraud_check"], None),
        ("AlipayHK 绑定内地卡 网络繁忙", ["wallet_opening"], None),
        ("香港身份证", ["wallet_opening"], None),
        ("更新最新版本后支持+86手机号注册，但实名登记仍需HKID", ["wallet_opening"], None),
        # heldout15 (branch causes16a): identity misuse, a payee that takes only domestic payers, a metro fare on a
        # phone wallet, a wallet option unavailable at a foreign merchant, and a refund refused after a report.
        ("身份证丢了 被冒名办卡 网贷逾期 征信", ["fraud_check"], None),
        ("冒用 名下银行卡", ["fraud_check"], None),
        ("identity theft loan in my name", ["fraud_check"], None),
        ("对方只接受国内的付款", ["payments"], None),
        ("Apple Pay 地铁 未完成的交易 卡片无法使用", ["payments"], "transaction"),
        ("alipay is currently unavailable", ["transaction"], None),
        ("unauthorised transaction refund refused told to contact merchant", ["fraud_check"], None),
        # heldout16 and heldout17 (causes17c): the payee's restricted account, a bank app on a new phone, a
        # transfer to the wrong person, risk-control words, a CTS failure, a pool's missing earnings, an
        # unannounced renewal, "can't verify it's me" and "contact the issuer"
        ("收款方 账户异常 无法付款", ["payments"], None),
        ("赞赏码 付款 提示账户异常", ["payments"], None),
        ("手机银行 换设备 解绑", ["login"], None),
        ("zelle", ["transaction"], None),
        ("转错人", ["transaction"], None),
        ("sent money to wrong person zelle", ["transaction"], None),
        ("wrong recipient", ["transaction"], None),
        ("malicious account operations", ["blocked_account"], None),
        ("cts profile doesnt match", ["device"], None),
        ("启用插件后，工商银行不能打开", ["device"], None),
        ("客服电话不接 邮件不回 收益明细没有", ["withdrawal"], None),
        ("偷偷扣费 3个月 没有提醒", ["payments"], None),
        ("He says he can't verify it's me", ["login"], None),
        ("It says to contact the issuer", ["payments"], None),
        # heldout18 (causes18a): custom or de-Googled systems and containers, a scanner that freezes, an app
        # freezer, and a password reset that keeps failing
        ("microG", ["device"], None),
        ("waydroid", ["device"], None),
        ("GrapheneOS google wallet", [], "device"),
        ("CalyxOS revolut", ["device"], None),
        ("Revolut login hangs microG", ["device"], "login"),
        ("冰箱", ["app_update"], None),
        ("冰箱 冻结 app", ["app_update"], None),
        ("扫码 卡死", ["payments"], None),
        ("支付宝扫码卡死", ["payments"], None),
        ("扫不出来", ["payments"], None),
        ("重设密码失败", ["login"], None),
        ("重置密码 还是 登录不了", ["login"], None),
        # heldout18 (causes18b): a payment taken from Huabei by default, app-store and phone-bill charges, a shop that
        # vanished after the payment, a withdrawal returned by a virtual bank, a freeze over debt, enabling Weixin Pay
        ("支付宝默认花呗支付 多付了利息", ["payments"], None),
        ("扣款顺序", ["payments"], None),
        ("家里以前不了解苹果订阅退款，被扣了很多钱", ["payments"], None),
        ("营业厅 扣费项目", ["payments"], None),
        ("话费 增值业务 扣费", ["payments"], None),
        ("发卡网", ["transaction"], None),
        ("系统异常 联系不到客服", ["transaction"], None),
        ("PayPal withdraw to Wise reversed", ["withdrawal"], None),
        ("they don't support virtual banks", ["withdrawal"], None),
        ("Old account was in debt now frozen", ["blocked_account"], None),
        ("To continue, enable Weixin Pay first", ["wallet_opening"], None),
        ("必须绑定中国大陆银行卡", ["wallet_opening"], None),
        # heldout19 (causes19a): coins sent to a wallet that never show, a QQ unfreeze that wants a bank card, an
        # account someone took over or drains, an app installed from outside the store
        ("无法收币", ["self_custody"], None),
        ("收不到币", ["self_custody"], None),
        ("QQ冻结 解封 绑定银行卡", ["blocked_account"], None),
        ("someone draining my bank account", ["login"], None),
        ("账号被盗", ["login"], None),
        ("Google Wallet stops working after I installed a sideloaded APK", ["device"], None),
        ("侧载 安装包 谷歌钱包 不满足安全要求", ["device"], None),
        # heldout19 (causes19b): a compliance decline, an app-store gift card, a password posted in public, a prepaid
        # balance with no withdraw button, a paid membership shown as not activated
        ("paypal 赞助不了", ["transaction"], None),
        ("国际法规", ["transaction"], None),
        ("苹果 礼品卡", ["payments"], None),
        ("账号密码 泄露", ["transaction"], None),
        ("充的钱无法提取", ["withdrawal"], None),
        ("付费后 未开通", ["transaction"], None),
        # heldout20 (causes20b): a card that won't add to Apple Pay, a TRON energy error, a wrong-BSB transfer whose
        # recall is lodged, a deposit to someone who vanished
        ("Apple Pay 添加卡片 失败", ["payments"], None),
        ("Apple Pay 绑卡 次数限制", ["payments"], None),
        ("银行说卡正常 设备卡", ["payments"], None),
        ("out of energy", ["self_custody"], None),
        ("USDT transfer FAIL Out of Energy", ["self_custody"], None),
        ("能量不足 转 USDT 失败", ["self_custody"], None),
        ("mistaken internet payment wrong BSB", ["transaction"], None),
        ("定金 失联 拉黑", ["fraud_check"], None),
        ("收了定金 玩消失", ["fraud_check"], None),
        # heldout20 (causes20a): a lost or stolen phone, a frozen number, a DNS filter or ad blocker
        ("手机丢了", ["login"], None),
        ("手机被偷了 支付宝 怎么冻结", ["login"], None),
        ("how to freeze monzo if my phone is stolen", ["login"], None),
        ("stolen phone bank app", ["login"], None),
        ("AdGuard DNS 拦截", ["network"], None),
        ("联通 我的钱包 不显示数据 域名 被拦截", ["network"], None),
        ("Pi-hole wallet not loading", ["network"], None),
        ("手机号被停机 收不到验证码", ["login"], None),
        # heldout21 (causes21b): a misdirected transfer the bank refused to recover, a banking app locked by an app
        # with Accessibility access, a platform's payout to PayPal that fails
        ("汇款", ["transaction"], None),
        ("汇款汇错了 银行拒绝追回", ["transaction"], None),
        ("accessibility", ["device"], None),
        ("HSBC app security risk accessibility", ["device"], None),
        ("无障碍", ["device"], None),
        ("payout", ["withdrawal"], None),
        ("payout to PayPal INSUFFICIENT FUNDS", ["withdrawal"], None),
        ("平台打款", ["withdrawal"], None),
        # heldout22 (c22a): a caller claiming to be support, leaked details and nuisance calls, a fake website, a SIM
        # swap, a rejected verification document, a fake "sent you money" e-mail
        ("自称支付宝客服 来电", ["fraud_check"], None),
        ("客服来电", ["fraud_check"], None),
        ("信息泄露", ["fraud_check"], None),
        ("骚扰电话", ["fraud_check"], None),
        ("个人信息泄露 骚扰电话 推销短信", ["fraud_check"], None),
        ("被人骗了钱 挽回损失", ["fraud_check"], None),
        ("假网站 付款 退款", [], "fraud_check"),
        ("fake website paid no refund", ["fraud_check"], None),
        ("SIM swap someone took over my phone number", ["login"], None),
        ("My verification document keeps rejecting", ["wallet_opening"], None),
        ("email saying this person sent me $1000", ["fraud_check"], None),
        # heldout23 (causes22c): a stolen credit card's number, a gateway withdrawal that failed, WeChat on HarmonyOS,
        # a Stripe payout, a licence lost after re-flashing.
        ("信用卡一直在身边 被盗刷", ["payments"], None),
        ("取款失败 网关", ["self_custody"], None),
        ("鸿蒙 微信 扫码 一直加载", ["network"], None),
        ("Stripe instant payout pending issuing balance", ["withdrawal"], None),
        ("刷机后重新登录需要重新支付", ["transaction"], None),
        # heldout25 (c23f): a stranger's red-packet QR code, Alipay that another app can't open, a USD 1 card check,
        # a bank card frozen with no reason, a number "already used" after a code that never came.
        ("陌生邮件 支付宝 红包 二维码", ["fraud_check"], None),
        ("付款时 支付宝 拉不起来 跳转", [], "payments"),
        ("信用卡 扣款1美元 退回 付费不成功", ["transaction"], None),
        ("银行卡突然被冻结 银行说不清原因", ["blocked_account"], None),
        ("not received sms phone number says it is used", ["login"], None),
        # heldout24 (c23e): an ordinary app that keeps loading and says it isn't connected is a network problem;
        # an EOS transfer that failed "because the network is congested" is a self-custody one.
        ("app keeps loading not connected", ["network"], None),
        ("Just installed the app, it keeps spinning, then says I'm not connected to the internet", ["network"], None),
        ("EOS 转账 交易失败", ["self_custody"], None),
        ("转账 返回提示 交易失败 网络拥堵，交易可能延时", ["self_custody"], None),
        # heldout24 (c23d): Google Play purchases, a blank page paid twice, a card for PayPal, a payment link that
        # redirects to a scam site, a login approval e-mail, a scam caller given a code.
        ("谷歌支付 支付页面消失 没有订单", ["transaction"], None),
        ("信用卡 扣款成功 软件 显示没有付款", ["transaction"], None),
        ("支付宝 空白页 又支付了一遍 交易关闭", ["transaction"], None),
        ("paypal 绑定 工商银行卡 单币种 人民币 美元", ["payments"], None),
        ("支付链接被污染 跳转 骗子网站", ["fraud_check"], None),
        ("login authorization email not arriving", ["login"], None),
        ("phone scammer verification code bank account closed", ["fraud_check"], None),
        # heldout26/27 (c24i): a browser checkout that keeps loading, a payment site's robot check, a selfie step
        # in a browser.
        ("PayPal gets stuck in an infinite loading loop", ["payments"], None),
        ("付款是点击了付费后，一直提示“正在加载结账页面”", ["payments"], None),
        ("Please enable JS and disable any ad blocker", ["network"], None),
        ("Jumio ID verification selfie never captures your face", ["login"], "wallet_opening"),
        # heldout26/27 (c24j): a seller who had the buyer pay off the platform, a card hold from a merchant that has
        # gone, an ID at its account limit, USDT sent to a scam address, a wallet frozen after a payment came in.
        ("闲鱼 站外 付款 失联", ["fraud_check"], None),
        ("商家跑路 退款 预授权 没有入账", ["transaction"], None),
        ("身份证已超过数量限制", ["wallet_opening"], None),
        ("withdrew USDT TRC20 to scam address reverse transaction", ["fraud_check"], None),
        ("frozen my account just received payment", ["blocked_account"], None),
        # c24p loose end 5: a PayPal or wallet user whose account was hacked and drained signs in to take it back.
        ("hacked", ["login"], None),
        ("my account was hacked and drained", ["login"], "self_custody"),
        ("PayPal account hacked", ["login"], None),
        ("微信被盗号 余额被转走", ["login"], None),
        # heldout30 E7, Z6, Z9 (c25o): the writers' words for claiming from the recipient, an order never charged and
        # a paid service's account the sign-in can't find.
        ("letter of intent to sue Zelle sent by accident", ["transaction"], None),
        ("转错账 对方不退 小额诉讼", ["transaction"], None),
        ("会员没激活 没有支付记录", ["transaction"], None),
        ("无法找回账号 没有这个邮箱", ["transaction"], None),
        # heldout29/30 (c25l): a proxy app's ad-block rule that broke a transit code, Apple Pay broken by a third-party
        # NFC tool on an iPhone, one kind of bus reader that rejects transit cards in phones and watches.
        ("去广告规则导致云闪付打不开乘车码", ["network"], "payments"),
        ("Apple Pay 不能用了", ["device"], "transaction"),
        ("TrollNFC Apple Pay 无法使用", ["device"], "transaction"),
        ("交通联合卡 刷卡机 刷不了", ["transaction"], None),
        # heldout44 Z4, E4, E11 (c33c): a seller disabled after a buyer's complaint, a browser the site turns away, a
        # wallet closed over a gift claimed many times.
        ("PayPal 买家投诉 争议 账号被禁用 卖家", ["blocked_account"], None),
        ("we are having trouble verifying you only this browser", ["network"], "login"),
        ("they close my account same gift many times credit", ["blocked_account"], None),
        # heldout47 E17, heldout48 Z5, E15 (c35i): a payee-name check seen by the payee, a refused app-store refund.
        ("verification of payee close match", ["payments"], None),
        ("other party escalate because the name doesn't match", ["payments"], None),
        ("Google Play refund refused developer won't refund", ["payments"], None),
        ("play 退款 不符合退款政策 发邮件也没收到回复", ["payments"], None),
        # heldout47 E9 (c35i): the lost-authenticator answer names a phone changed for a new one.
        ("After I changed my old phone, I need to restore my old authenticator app data", ["login"], None),
    ],
)
def test_search_ranks_and_offers_the_fitting_trees_for_a_writers_words(
    cli, query: str, first: list[str], offered: str | None
) -> None:
    code, data = cli.json("search", query)
    trees = [m["tree"] for m in data["matches"]]

    assert code == 0
    assert trees[: len(first)] == first
    if offered is not None:
        assert offered in trees[:3]


def test_a_latin_keyword_counts_only_where_it_stands_as_a_word(cli) -> None:
    # "eth" (a self_custody keyword) inside "something" is no match; written as a word it is.
    _, inside = cli.json("search", "something")
    _, alone = cli.json("search", "send eth")

    assert inside["matches"] == []
    assert [m["tree"] for m in alone["matches"]][:1] == ["self_custody"]


def test_words_common_to_every_wallet_problem_find_nothing_by_themselves(cli) -> None:
    # "pay" starts a keyword of eight trees and "does" one of three: alone they told nothing, yet each put
    # trees among the suggestions ("matched “does”") for "tap to pay at the shop terminal does nothing".
    _, data = cli.json("search", "my wallet app account does not pay")

    assert data["matches"] == []


def test_a_wallet_brand_is_no_symptom(cli) -> None:
    # heldout18: "支付" inside "支付宝" offered the payment trees for a sign-in problem, and "PayPal" put the fraud
    # check first for an app that crashes; "crashing" now finds the crash keywords.
    _, alipay = cli.json("search", "支付宝 登录 重设密码失败")
    _, paypal = cli.json("search", "PayPal App Crashing on Launch")

    assert [m["tree"] for m in alipay["matches"]] == ["login"]
    assert [m["tree"] for m in paypal["matches"]][:1] == ["app_update"]


def test_the_pieces_of_a_pasted_address_count_for_nothing(cli) -> None:
    # heldout21: "com" from a pasted link started "complaint", "compatible" and "comply", offering five trees.
    _, data = cli.json("search", "www.example.com")

    assert data["matches"] == []


def test_a_word_found_in_many_keywords_of_one_tree_counts_once_there(cli) -> None:
    # "wallet" starts words of a dozen self_custody keywords (Trust Wallet, wallet drained, import wallet...);
    # counted once per keyword it put the crypto tree first for a phone wallet that won't open.
    _, data = cli.json("search", "GrapheneOS wallet app won't open account error")

    assert [m["tree"] for m in data["matches"]][:1] == ["wallet_opening"]


def test_a_person_is_offered_the_trees_near_the_best_and_a_script_gets_every_match(cli) -> None:
    # "failed" starts a keyword in most trees: "3D Secure failed" listed nine trees after the payments one.
    text = cli("search", "3D Secure failed")
    _, data = cli.json("search", "3D Secure failed")

    best = data["matches"][0]["score"]
    near = [m["tree"] for m in data["matches"] if m["score"] >= best / 5]
    offered = [line.split()[0] for line in text.stdout.split("\n\n")[0].splitlines()]
    assert offered == near and offered[0] == "payments"
    assert len(data["matches"]) > len(offered) + 3
