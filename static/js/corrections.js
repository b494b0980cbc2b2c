// Editors' in-page corrections: post the form with fetch and swap in the quote
// item the server renders. Without this file the form is a plain POST.
document.addEventListener("submit", async (event) => {
  const form = event.target.closest("form[data-correct]");
  if (!form) return;
  event.preventDefault();
  const item = form.closest("[data-quote]");
  const button = form.querySelector("button[type=submit]");
  if (button) button.disabled = true;
  try {
    const response = await fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { "X-Requested-With": "fetch" },
      credentials: "same-origin",
    });
    const html = await response.text();
    const fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-quote]");
    if (!fresh || !item) { form.submit(); return; }
    item.replaceWith(fresh);
    const message = fresh.querySelector(".correct-msg");
    if (message) { message.tabIndex = -1; message.focus(); }
  } catch (e) {
    form.submit(); // the network failed: fall back to the ordinary POST
  }
});
