/* The root page: open the troubleshooter in the browser's language, keeping any walk in the address. A
   browser whose languages we do not speak (or a person without JavaScript) sees the links and picks. The
   matching is locales.match's: the most specific tag a language serves wins; zh-TW matches nothing. */
(function () {
  "use strict";

  const languages = JSON.parse(document.getElementById("languages").textContent);

  function match(value) {
    const tag = value.trim().split(".")[0].split("@")[0].replace(/_/g, "-").toLowerCase();
    let best = null;
    languages.forEach((entry) => {
      const served = entry.serves.filter((t) => tag === t || tag.startsWith(t + "-"));
      entry.serves_exactly.forEach((t) => { if (tag === t) served.push(t); });
      served.forEach((t) => { if (best === null || t.length > best.length) best = { length: t.length, entry: entry }; });
    });
    return best && best.entry;
  }

  const wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
  for (const tag of wanted) {
    const entry = match(tag);
    if (entry) {
      location.replace(entry.page + location.hash);
      return;
    }
  }
  document.body.dataset.ready = "1";
})();
