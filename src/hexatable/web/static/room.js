// Progressive enhancement of the room: forms post to the JSON API, and the panel is re-rendered by
// the server whenever the WebSocket says something changed (a reload resumes exactly where it was).
(function () {
  const panel = document.getElementById("panel");
  if (!panel) return;
  const session = panel.dataset.session, lang = panel.dataset.lang;
  const params = new URLSearchParams(location.search);
  const token = params.get("token") || "";
  const withToken = (url) => token ? url + (url.includes("?") ? "&" : "?") + "token=" + encodeURIComponent(token) : url;

  async function refresh() {
    const response = await fetch(withToken(`/room/${session}/panel?lang=${lang}`), {credentials: "same-origin"});
    if (response.ok) { panel.innerHTML = await response.text(); bind(); runScripts(); }
  }
  function runScripts() {
    panel.querySelectorAll("script").forEach((old) => { const s = document.createElement("script"); s.textContent = old.textContent; old.replaceWith(s); });
  }
  function eventOf(form) {
    const data = new FormData(form), event = {};
    const options = [];
    for (const [key, value] of data.entries()) {
      if (key === "members") (event.members = event.members || []).push(value);
      else if (key === "change") { const [issue, option] = value.split("="); (event.changes = event.changes || {})[issue] = option; }
      else if (key.startsWith("option_")) options.push(value);
      else if (key === "version" || key === "room" || key === "offer") event[key] = Number(value);
      else event[key] = value;
    }
    if (options.length) event.options = options;
    if (event.type === "side_room" && !event.members) event.members = [];
    return event;
  }
  function bind() {
    panel.querySelectorAll("form[data-api]").forEach((form) => form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const response = await fetch(withToken(`/api/sessions/${session}/events`), {
        method: "POST", credentials: "same-origin", headers: {"Content-Type": "application/json"}, body: JSON.stringify(eventOf(form))});
      if (!response.ok) { const body = await response.json(); alert(body.detail || response.statusText); }
      await refresh();
    }));
  }
  function connect() {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const socket = new WebSocket(withToken(`${scheme}://${location.host}/api/sessions/${session}/ws?lang=${lang}`));
    socket.onmessage = (message) => { const data = JSON.parse(message.data); if (data.type === "view") refresh(); };
    socket.onclose = () => setTimeout(connect, 1000);  // reconnect after a dropped connection
  }
  bind();
  connect();
})();
