// The instructor's console and class pages (no inline scripts: the pages' Content-Security-Policy).
// - The class form shows only the chosen scenario's seats (without JavaScript every scenario's show).
// - The console's table list is fetched again every few seconds and replaced in place when it changed.
// - The console's forms go to the JSON API; a close asks for confirmation first.
// - A "Print" button prints the page (the links' print stylesheet is console.css).
(function () {
  const form = document.getElementById("new-class");
  if (form) {
    const pick = form.querySelector('select[name="scenario"]');
    const show = () => form.querySelectorAll("table.seats").forEach((t) => { t.hidden = t.dataset.scenario !== pick.value; });
    pick.addEventListener("change", show);
    show();
  }
  document.querySelectorAll("[data-print]").forEach((b) => b.addEventListener("click", () => window.print()));

  const tables = document.getElementById("tables");
  if (!tables) return;
  const classId = tables.dataset.class, lang = tables.dataset.lang;
  const errorBox = document.getElementById("console-error");
  let last = tables.innerHTML;
  let busy = false;

  function showError(text) {
    errorBox.textContent = text || "";
    errorBox.hidden = !text;
  }
  async function refresh() {
    if (busy) return;
    busy = true;
    try {
      const response = await fetch(`/console/${classId}/tables?lang=${lang}`, {credentials: "same-origin"});
      if (response.ok) {
        const html = await response.text();
        if (html !== last) { tables.innerHTML = html; last = html; }
      }
    } catch (e) { /* the server is away: try again at the next tick */ }
    finally { busy = false; }
  }
  async function send(form) {
    const body = {};
    for (const [key, value] of new FormData(form).entries()) if (key !== "action") body[key] = value;
    const response = await fetch(form.dataset.api, {
      method: "POST", credentials: "same-origin", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
    if (!response.ok) {
      let detail = response.statusText;
      try { const data = await response.json(); detail = typeof data.detail === "string" ? data.detail : JSON.stringify(data.detail); } catch (e) { /* not JSON */ }
      showError(detail);
      return false;
    }
    showError("");
    return true;
  }
  document.addEventListener("submit", async (e) => {
    const target = e.target;
    if (!(target instanceof HTMLFormElement) || !target.dataset.api) return;
    e.preventDefault();
    if (target.dataset.confirm && !window.confirm(target.dataset.confirm)) return;
    if (await send(target) && target.id === "notice") target.reset();
    await refresh();
  });
  setInterval(refresh, 2000);
})();
