// The instructor's console and class pages (no inline scripts: the pages' Content-Security-Policy).
// - The class form shows only the chosen scenario's seats (without JavaScript every scenario's show).
// - The console's table list is live: the console's WebSocket says when tables of the class changed and
//   the list is fetched again (one fetch at a time; pushes during a fetch ask for one more after it)
//   and replaced in place. While the socket is down a notice says so, it reconnects with a growing
//   delay, and the list is fetched every 15 s meanwhile; the clocks count down between fetches.
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
  const notice = document.getElementById("console-connection");
  const token = new URLSearchParams(location.search).get("token") || "";
  let last = tables.innerHTML;

  function showError(text) {
    errorBox.textContent = text || "";
    errorBox.hidden = !text;
  }
  async function load() {
    try {
      const response = await fetch(`/console/${classId}/tables?lang=${lang}`, {credentials: "same-origin"});
      if (response.ok) {
        const html = await response.text();
        if (html !== last) { tables.innerHTML = html; last = html; startClocks(); }
      }
    } catch (e) { /* the server is away: the socket's reconnection brings the list back */ }
  }
  // One fetch at a time: pushes that arrive while one is under way ask for one more after it.
  let loading = null, stale = false;
  function refresh() {
    if (loading) { stale = true; return loading; }
    loading = (async () => {
      try { do { stale = false; await load(); } while (stale); } finally { loading = null; }
    })();
    return loading;
  }

  // Each open table's clock counts down between fetches (a paused table's stands still).
  let clocksFrom = Date.now();
  function startClocks() { clocksFrom = Date.now(); }
  function tick() {
    const gone = Math.floor((Date.now() - clocksFrom) / 1000);
    tables.querySelectorAll("td.clock[data-seconds]").forEach((cell) => {
      if (cell.dataset.paused === "yes") return;
      const left = Math.max(0, Number(cell.dataset.seconds) - gone);
      cell.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
    });
  }

  let socket = null, delay = 1000, fallback = null, pinger = null;
  const live = () => socket !== null && socket.readyState === WebSocket.OPEN;
  function setLive(on) {
    tables.dataset.live = on ? "yes" : "no";
    if (notice) notice.hidden = on;
    if (on && fallback) { clearInterval(fallback); fallback = null; }
    if (!on && !fallback) fallback = setInterval(refresh, 15000);  // only while the socket is down
  }
  function connect() {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const query = `lang=${lang}` + (token ? `&token=${encodeURIComponent(token)}` : "");
    socket = new WebSocket(`${scheme}://${location.host}/api/classes/${classId}/ws?${query}`);
    socket.onopen = () => {
      delay = 1000;
      setLive(true);
      refresh();  // whatever changed while the socket was down
      pinger = setInterval(() => { if (live()) socket.send(JSON.stringify({type: "ping"})); }, 30000);
    };
    socket.onmessage = (message) => {
      let data = null;
      try { data = JSON.parse(message.data); } catch (e) { return; }
      if (data && data.type === "changed") refresh();
    };
    socket.onclose = (event) => {
      if (pinger) { clearInterval(pinger); pinger = null; }
      setLive(false);
      if (event && event.code >= 4400 && event.code < 4500) return;  // refused (token, class): retrying cannot help
      setTimeout(connect, delay);  // retry until the server is back, at most every 10 s
      delay = Math.min(delay * 2, 10000);
    };
  }

  async function send(form) {
    const body = {};
    for (const [key, value] of new FormData(form).entries()) if (key !== "action") body[key] = value;
    let response;
    try {
      response = await fetch(form.dataset.api, {
        method: "POST", credentials: "same-origin", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
    } catch (e) {
      showError(notice ? notice.textContent : "");  // the server is away: nothing was done
      return false;
    }
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
    if (!live()) await refresh();  // with the socket open, the change's push refreshes the list
  });
  setInterval(tick, 1000);
  connect();
})();
