// The ingest review page: typing in a record's fields chooses "Correct" for it, a record's look follows
// its decision, and following a mark highlights it. The page works without this script.
"use strict";

document.querySelectorAll("fieldset.record").forEach((record) => {
  const radios = record.querySelectorAll('input[type="radio"]');
  const follow = () => {
    const chosen = record.querySelector('input[type="radio"]:checked');
    record.classList.remove("decision-accept", "decision-correct", "decision-reject");
    record.classList.add("decision-" + (chosen ? chosen.value : "accept"));
  };
  radios.forEach((radio) => radio.addEventListener("change", follow));
  record.querySelectorAll(".correction input, .correction select").forEach((input) => {
    input.addEventListener("input", () => {
      const correct = record.querySelector('input[type="radio"][value="correct"]');
      if (correct && !correct.checked) {
        correct.checked = true;
        follow();
      }
    });
  });
});

document.querySelectorAll(".record legend a").forEach((link) => {
  link.addEventListener("click", () => {
    document.querySelectorAll(".ingest-text mark.current").forEach((m) => m.classList.remove("current"));
    const mark = document.getElementById(link.getAttribute("href").slice(1));
    if (!mark) return;
    // A mark that spans lines is one fragment per line: light them all.
    document.querySelectorAll(".ingest-text mark").forEach((m) => {
      if (m.dataset.events === mark.dataset.events) m.classList.add("current");
    });
  });
});
