// Progressive enhancement of the room: forms post to the JSON API, and the panel is re-rendered by
// the server whenever the WebSocket says something changed (a reload resumes exactly where it was).
//
// What a person is doing survives a re-render: whatever they typed or chose and have not sent yet is
// put back into the new panel, with the focus and the caret. While the server cannot be reached a notice
// says so, nothing typed is lost, and the panel catches up when the connection is back. Irreversible
// actions (closing the talks, walking out) ask first.
(function () {
  const panel = document.getElementById("panel");
  if (!panel) return;
  const notice = document.getElementById("connection");
  const session = panel.dataset.session, lang = panel.dataset.lang;
  const params = new URLSearchParams(location.search);
  const token = params.get("token") || "";
  const withToken = (url) => token ? url + (url.includes("?") ? "&" : "?") + "token=" + encodeURIComponent(token) : url;
  const typed = new Map();  // control key -> {value, checked}: what the person changed and has not sent
  let offline = false;

  // A control's key: the form's action type (and side room), the control's name, a checkbox's value.
  function formKey(form) {
    const field = (name) => { const input = form.querySelector(`input[type=hidden][name=${name}]`); return input ? input.value : ""; };
    return field("type") + "/" + field("room");
  }
  function keyOf(control) {
    if (!control.form || !control.name || control.type === "hidden") return null;
    return formKey(control.form) + "/" + control.name + (control.type === "checkbox" ? "=" + control.value : "");
  }
  function remember(event) {
    const key = keyOf(event.target);
    if (key) typed.set(key, {value: event.target.value, checked: event.target.checked});
  }
  function forget(form) {
    const prefix = formKey(form) + "/";
    for (const key of [...typed.keys()]) if (key.startsWith(prefix)) typed.delete(key);
  }
  function restore(focused) {
    panel.querySelectorAll("input, select, textarea").forEach((control) => {
      const key = keyOf(control), kept = key && typed.get(key);
      if (!kept) return;
      if (control.type === "checkbox") control.checked = kept.checked;
      else if (control.tagName !== "SELECT" || [...control.options].some((o) => o.value === kept.value)) control.value = kept.value;
    });
    if (!focused) return;
    const again = [...panel.querySelectorAll("input, select, textarea")].find((c) => keyOf(c) === focused.key);
    if (!again) return;
    again.focus();
    if (focused.start !== null && typeof again.setSelectionRange === "function") {
      try { again.setSelectionRange(focused.start, focused.end); } catch (error) { /* not a text field */ }
    }
  }

  function setOffline(lost) {
    offline = lost;
    if (notice) notice.hidden = !lost;
  }

  // One panel fetch at a time: pushes that arrive while one is under way ask for one more after it,
  // so a burst of moves costs two fetches, not one per move.
  let loading = null, stale = false;
  function refresh() {
    if (loading) { stale = true; return loading; }
    loading = (async () => {
      try {
        do { stale = false; await load(); } while (stale);
      } finally { loading = null; }
    })();
    return loading;
  }

  async function load() {
    let response;
    try {
      response = await fetch(withToken(`/room/${session}/panel?lang=${lang}`), {credentials: "same-origin"});
    } catch (error) {
      setOffline(true);
      return;
    }
    if (!response.ok) return;
    const html = await response.text();
    const active = document.activeElement;
    const focused = active && panel.contains(active) && keyOf(active)
      ? {key: keyOf(active), start: active.selectionStart ?? null, end: active.selectionEnd ?? null} : null;
    panel.innerHTML = html;
    restore(focused);
    if (window.hexatableCharts) window.hexatableCharts.draw(panel);
    showSideNotice();
    startClock();
  }

  // The clock counts down between refreshes; each panel brings the server's figure again (which stops
  // while the instructor has paused the table), and the server ends the talks when it reaches zero.
  let clockFrom = null;
  function startClock() {
    const clock = panel.querySelector("#clock");
    clockFrom = clock && clock.dataset.paused !== "yes" ? {seconds: Number(clock.dataset.seconds), at: Date.now()} : null;
  }
  function tick() {
    const clock = panel.querySelector("#clock");
    if (!clock || !clockFrom) return;
    const left = Math.max(0, clockFrom.seconds - Math.floor((Date.now() - clockFrom.at) / 1000));
    clock.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
  }

  function eventOf(form) {
    const data = new FormData(form), event = {};
    const options = [];
    for (const [key, value] of data.entries()) {
      if (key === "members") (event.members = event.members || []).push(value);
      else if (key === "change") { const [issue, option] = value.split("="); (event.changes = event.changes || {})[issue] = option; }
      else if (key.startsWith("option_")) options.push(value);
      else if (key === "version" || key === "room" || key === "offer") event[key] = Number(value);
      else if (key === "go_on") event.go_on = value === "true";
      else event[key] = value;
    }
    if (options.length) event.options = options;
    if (event.type === "side_room" && !event.members) event.members = [];
    return event;
  }

  async function submit(e) {
    const form = e.target;
    if (!form.matches("form[data-api]")) return;
    e.preventDefault();
    const asking = (e.submitter && e.submitter.dataset.confirm) || form.dataset.confirm;
    if (asking && !window.confirm(asking)) return;
    const event = eventOf(form);
    let response;
    try {
      response = await fetch(withToken(`/api/sessions/${session}/events?lang=${lang}`), {
        method: "POST", credentials: "same-origin", headers: {"Content-Type": "application/json"}, body: JSON.stringify(event)});
    } catch (error) {
      setOffline(true);  // nothing was sent: the text stays where it was typed
      return;
    }
    if (!response.ok) {
      let detail = response.statusText;
      try { detail = (await response.json()).detail || detail; } catch (error) { /* not JSON */ }
      window.alert(typeof detail === "string" ? detail : JSON.stringify(detail));
      return;  // refused: keep what was typed so that it can be corrected
    }
    forget(form);
    form.reset();
    if (event.type === "side_message") markSideSeen();
    if (!live()) await refresh();  // with the socket open, the push that the move causes refreshes the panel
  }

  // New messages in the person's side rooms, signalled at the top of the room until they go and look.
  function sideNotice() { return panel.querySelector("#side-notice"); }
  function seen(box) { return Number(localStorage.getItem(box.dataset.key) || "0"); }
  function showSideNotice() {
    const box = sideNotice();
    if (!box) return;
    const unread = Number(box.dataset.count) - seen(box);
    box.hidden = unread <= 0;
    box.querySelector(".count").textContent = String(Math.max(unread, 0));
  }
  function markSideSeen() {
    const box = sideNotice();
    if (!box) return;
    localStorage.setItem(box.dataset.key, box.dataset.count);
    box.hidden = true;
  }

  panel.addEventListener("input", remember);
  panel.addEventListener("change", remember);
  panel.addEventListener("submit", submit);
  panel.addEventListener("click", (e) => {
    if (e.target.closest("#side-notice a")) markSideSeen();
    if (e.target.closest("[data-print]")) window.print();
  });
  window.addEventListener("beforeprint", () => panel.querySelectorAll("#debrief details").forEach((d) => { d.open = true; }));

  let socket = null;
  function live() { return socket !== null && socket.readyState === WebSocket.OPEN; }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    socket = new WebSocket(withToken(`${scheme}://${location.host}/api/sessions/${session}/ws?lang=${lang}`));
    socket.onopen = () => { if (offline) { setOffline(false); refresh(); } };
    socket.onmessage = (message) => { const data = JSON.parse(message.data); if (data.type === "view") refresh(); };
    socket.onclose = () => { setOffline(true); setTimeout(connect, 1000); };  // retry until the server is back
  }
  showSideNotice();
  startClock();
  setInterval(tick, 1000);
  connect();
})();
