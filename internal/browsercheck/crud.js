// Helpers the CRUD check injects into the page under test. They find
// controls the way a person does: by the visible text of their labels.
window.__nx = (() => {
  const norm = (s) => (s || "").replace(/\s+/g, " ").replace(/\*/g, "").trim().toLowerCase();

  function controlFor(labelText) {
    const want = norm(labelText);
    const labels = [...document.querySelectorAll("form label")];
    const pick =
      labels.find((l) => norm(l.textContent) === want) ||
      labels.find((l) => norm(l.textContent).startsWith(want + " ")) ||
      labels.find((l) => norm(l.textContent).includes(want));
    if (!pick) return null;
    return pick.control || (pick.htmlFor ? document.getElementById(pick.htmlFor) : pick.querySelector("input,select,textarea"));
  }

  function setNative(el, value) {
    const proto =
      el instanceof HTMLSelectElement ? HTMLSelectElement.prototype
      : el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype
      : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, "value").set.call(el, value);
    el.dispatchEvent(new Event("input", { bubbles: true }));
    el.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function fill(spec) {
    const el = controlFor(spec.label);
    if (!el) return "no control labelled " + JSON.stringify(spec.label);
    if (el instanceof HTMLSelectElement) {
      const options = [...el.options].filter((o) => o.value !== "");
      if (options.length === 0) return "select " + JSON.stringify(spec.label) + " has no options";
      const match = options.find((o) => o.value === spec.value || norm(o.textContent) === norm(spec.value));
      setNative(el, (match || options[0]).value);
      return "ok";
    }
    if (el.type === "checkbox") {
      if (el.checked !== (spec.value === "true")) el.click();
      return "ok";
    }
    if (spec.kind === "set" || el.type === "date" || el.type === "time") {
      setNative(el, spec.value);
      return "ok";
    }
    if (!el.id) return "control " + JSON.stringify(spec.label) + " has no id";
    if (el.value !== "") setNative(el, "");
    el.focus();
    return "type:" + el.id;
  }

  function clickAdd() {
    const buttons = [...document.querySelectorAll("form button[type=submit], form button:not([type])")];
    const add = buttons.find((b) => /^add\b/i.test((b.getAttribute("aria-label") || b.textContent || "").trim()));
    if (!add) return "no submit button whose name starts with Add";
    add.click();
    return "ok";
  }

  function items(marker) {
    return [...document.querySelectorAll("main li")].filter((li) => li.textContent.includes(marker) && !li.closest("form, figure"));
  }

  function itemShows(marker, values) {
    const found = items(marker);
    if (found.length !== 1) return false;
    const text = found[0].textContent;
    return values.every((v) => text.includes(v));
  }

  // How many list items show every one of values (records that no field
  // tells apart are counted, not found).
  function countShowing(marker, values) {
    return items(marker).filter((li) => values.every((v) => li.textContent.includes(v))).length;
  }

  function explain(marker, values) {
    const found = items(marker);
    if (found.length === 0) {
      const errors = [...document.querySelectorAll("form [role=alert]")].map((e) => e.textContent);
      return "no list item shows " + JSON.stringify(marker) + (errors.length ? "; form errors: " + errors.join(" | ") : "");
    }
    if (found.length > 1) return found.length + " list items show " + JSON.stringify(marker);
    const missing = values.filter((v) => !found[0].textContent.includes(v));
    return "the item does not show " + JSON.stringify(missing) + "; it shows " + JSON.stringify(found[0].textContent.slice(0, 300));
  }

  function deleteItem(marker) {
    const found = items(marker);
    if (found.length !== 1) return found.length + " items show the record";
    const button = [...found[0].querySelectorAll("button")].find((b) => /^delete\b/i.test(b.textContent.trim()));
    if (!button) return "the item has no Delete button";
    button.click();
    return "ok";
  }

  // Confirms an open dialog if the app asks, then reports whether the record is gone.
  function confirmDelete(marker) {
    const dialog = document.querySelector("dialog[open], [role=dialog], [role=alertdialog]");
    if (dialog) {
      const yes = [...dialog.querySelectorAll("button")].find((b) => /^(delete|remove|yes|confirm)\b/i.test(b.textContent.trim()));
      if (yes) yes.click();
    }
    return items(marker).length === 0;
  }

  function hydrated() {
    return document.readyState === "complete" && !/Loading/.test(document.querySelector("main")?.textContent || "");
  }

  return { fill, clickAdd, itemShows, countShowing, explain, deleteItem, confirmDelete, hydrated };
})();
