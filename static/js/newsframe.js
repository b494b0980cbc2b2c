// Progressive enhancement only: every page works without this file.
document.documentElement.classList.add("js");

// The status box is updated in place, not replaced: a screen reader announces changes in
// a live region it already knows, not a new one. A failed poll (a 502 while the server
// restarts, a moment offline) is retried later and later, never given up.
const POLL_MS = 1500, POLL_MAX_MS = 30000;

function pollStatus(delay = POLL_MS) {
  const box = document.querySelector("[data-poll]");
  if (!box) return;
  setTimeout(async () => {
    let next = Math.min(delay * 2, POLL_MAX_MS);
    try {
      const response = await fetch(box.dataset.poll, { headers: { "X-Requested-With": "fetch" } });
      if (response.ok) {
        const html = await response.text();
        const fresh = new DOMParser().parseFromString(html, "text/html").getElementById(box.id);
        if (fresh && !fresh.hasAttribute("data-poll")) { window.location.reload(); return; }
        if (fresh) {
          box.className = fresh.className;
          box.replaceChildren(...fresh.childNodes);
        }
        next = POLL_MS;
      }
    } catch (e) { /* offline for a moment: try again later */ }
    pollStatus(next);
  }, delay);
}

function highlightToggles() {
  for (const box of document.querySelectorAll("input[data-toggle]")) {
    const apply = () => document.body.classList.toggle("off-" + box.dataset.toggle, !box.checked);
    box.addEventListener("change", apply);
    apply();
  }
}

function dropzone() {
  const zone = document.querySelector("[data-dropzone]");
  if (!zone) return;
  const input = zone.querySelector("input[type=file]");
  zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("over");
    if (e.dataTransfer && e.dataTransfer.files.length) input.files = e.dataTransfer.files;
  });
}

// Pasted text goes up as a file part (pasted.txt) rather than a form field, so the server
// streams it to disk like any file instead of holding it in memory under the form-field limit.
// Without this (or without DataTransfer) the textarea is sent as the ordinary field.
function pasteAsFile() {
  const area = document.querySelector("textarea[data-paste-as]");
  if (!area || !area.form) return;
  try { new DataTransfer(); } catch (e) { return; }
  const fieldName = area.name;
  const part = document.createElement("input");
  part.type = "file";
  part.name = area.dataset.pasteAs;
  part.hidden = true;
  area.form.append(part);
  // Runs again on every submit (a page restored by "back" is submitted afresh).
  area.form.addEventListener("submit", () => {
    const files = new DataTransfer();
    if (area.value.trim()) {
      files.items.add(new File([area.value], "pasted.txt", { type: "text/plain" }));
      area.removeAttribute("name");
    } else {
      area.name = fieldName;
    }
    part.files = files.files;
  });
}

// A phone shows one outlet's column at a time: each chooser names its table in data-table
// (the story points' chooser, without one, drives the side-by-side table).
function columnChooser() {
  for (const chooser of document.querySelectorAll(".column-chooser")) {
    const table = chooser.dataset.table ? document.getElementById(chooser.dataset.table)
      : document.querySelector("table.side-by-side[data-column]");
    if (!table) continue;
    for (const radio of chooser.querySelectorAll("input[type=radio]")) {
      const show = () => { if (radio.checked) table.dataset.column = radio.value; };
      radio.addEventListener("change", show);
      show();  // a page restored by "back" keeps the radio chosen before
    }
  }
}

// The tip a focused "?" badge shows (newsframe.css) fits the room beside the badge: inside
// the screen and inside every box that clips it (a column that scrolls sideways), opening
// leftwards when there is more room on the left.
const TIP_MAX_REM = 16, TIP_MARGIN_PX = 4;

function roomAround(element) {
  let left = 0, right = document.documentElement.clientWidth;
  for (let box = element.parentElement; box; box = box.parentElement) {
    if (getComputedStyle(box).overflowX === "visible") continue;
    const rect = box.getBoundingClientRect();
    left = Math.max(left, rect.left + box.clientLeft);
    right = Math.min(right, rect.left + box.clientLeft + box.clientWidth);
  }
  return { left: left + TIP_MARGIN_PX, right: right - TIP_MARGIN_PX };
}

function badgeTips() {
  document.addEventListener("focusin", (event) => {
    const badge = event.target instanceof Element ? event.target.closest("abbr.badge[tabindex]") : null;
    if (!badge) return;
    const room = roomAround(badge), rect = badge.getBoundingClientRect();
    const widest = TIP_MAX_REM * parseFloat(getComputedStyle(document.documentElement).fontSize);
    const rightwards = room.right - rect.left, leftwards = rect.right - room.left;
    const opensLeft = rightwards < widest && leftwards > rightwards;
    badge.classList.toggle("tip-left", opensLeft);
    const width = Math.min(widest, Math.max(opensLeft ? leftwards : rightwards, 0));
    badge.style.setProperty("--tip-width", `${Math.floor(width)}px`);
  });
}

document.addEventListener("DOMContentLoaded", () => {
  pollStatus(); highlightToggles(); dropzone(); pasteAsFile(); columnChooser(); badgeTips();
});
