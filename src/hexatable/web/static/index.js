// The session form shows only the chosen scenario's seats and chair (without JavaScript every table shows).
(function () {
  const pick = document.querySelector('select[name="scenario"]');
  if (!pick) return;
  const show = () => document.querySelectorAll("[data-scenario]").forEach((t) => { t.hidden = t.dataset.scenario !== pick.value; });
  pick.addEventListener("change", show);
  show();
})();
