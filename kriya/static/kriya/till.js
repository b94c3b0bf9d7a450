/* The gallery till, made for a counter: a scanner (it types the code and Enter), the
 * keyboard alone, or a phone's camera.
 *
 * The cart is the form itself: each line is a row of fields (item, quantity, discount)
 * cloned from the <template> the server renders from the same partial, so what is posted
 * is what is on screen, and a refused sale comes back with its cart. Prices and stock are
 * shown from the server's lookup; every rule is checked again by the server (stock,
 * discount limit, closed day). The client_key, made once per cart, lets the server store
 * a double click or a retry once. User-visible text comes from data-t-* attributes, so
 * Django translates it.
 *
 * Without this script the same form works with one round trip per item.
 */
(function () {
  "use strict";

  function fmt(text, values) {
    return String(text || "").replace(/\{(\w+)\}/g, function (all, name) {
      return values && values[name] !== undefined ? values[name] : all;
    });
  }

  /* Rupiah the way the server writes it: "Rp 1.250.000", "-Rp 5.000". */
  function rp(amount) {
    var digits = String(Math.abs(Math.round(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    return (amount < 0 ? "-" : "") + "Rp " + digits;
  }

  /* Rupiah as people type it: "125.000", "Rp 125.000", "50rb", "1,5 jt"; NaN if not. */
  function parseRp(text) {
    var s = String(text || "").trim().toLowerCase().replace(/^rp\.?\s*/, "").replace(/,-$/, "");
    if (!s) return 0;
    var unit = s.match(/\s*(rb|ribu|k|jt|juta)$/);
    var times = 1;
    if (unit) {
      times = unit[1] === "jt" || unit[1] === "juta" ? 1e6 : 1e3;
      s = s.slice(0, unit.index).replace(",", ".");
      return /^\d+(\.\d+)?$/.test(s) ? Math.round(Number(s) * times) : NaN;
    }
    s = s.split(",")[0].replace(/[.\s]/g, "");
    return /^\d{1,14}$/.test(s) ? parseInt(s, 10) : NaN;
  }

  var newKey = window.kriyaNewKey;  // keys.js

  // ---- The receipt and the day close: print on the roll, focus the next sale ----
  function paperPages() {
    var paper = document.querySelector(".receipt");
    if (!paper) return;
    var width = paper.classList.contains("paper-58") ? 58 : 80;
    /* A roll has no page length: make the page as long as the receipt (CSS px → mm). */
    var length = Math.ceil(paper.getBoundingClientRect().height * 25.4 / 96) + 8;
    var style = document.getElementById("till-page-size");
    if (!style) {
      style = document.createElement("style");
      style.id = "till-page-size";
      document.head.appendChild(style);
    }
    style.textContent = "@page receipt-" + width + " { size: " + width + "mm " +
      Math.max(length, 60) + "mm; margin: 0; }";
  }
  paperPages();
  window.addEventListener("beforeprint", paperPages);
  document.querySelectorAll("[data-action=print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  var next = document.getElementById("till-next");
  if (next && (document.activeElement === document.body || !document.activeElement)) next.focus();

  var closeForm = document.querySelector("[data-close]");
  if (closeForm) {
    var counted = closeForm.querySelector("[name=cash_counted]");
    var differenceNote = document.getElementById("close-difference");
    var showDifference = function () {
      var amount = parseRp(counted.value);
      if (!counted.value.trim() || isNaN(amount)) { differenceNote.textContent = ""; return; }
      var difference = amount - Number(closeForm.dataset.expected);
      differenceNote.textContent = difference === 0 ? closeForm.dataset.tEven
        : fmt(closeForm.dataset.tDifference, { amount: rp(difference) });
      differenceNote.classList.toggle("problem", difference !== 0);
    };
    counted.addEventListener("input", showDifference);
    showDifference();
  }

  // ---- The till ----
  var form = document.querySelector("[data-till]");
  if (!form) return;
  var t = form.dataset;
  var limit = Number(t.limit) || 0;
  var q = document.getElementById("till-q");
  var list = document.getElementById("till-matches");
  var lines = document.getElementById("till-lines");
  var template = document.getElementById("till-line-template");
  var empty = document.getElementById("till-empty");
  var totalOut = document.getElementById("till-total");
  var changeOut = document.getElementById("till-change");
  var status = document.getElementById("till-status");
  var paid = form.elements.paid;
  var reference = form.elements.reference;
  var payButton = document.getElementById("till-pay");
  var key = form.elements.client_key;
  var count = document.querySelector("[data-count]");
  var cartTotal = document.querySelector("[data-cart-total]");
  var SENT = "kriya-till-sent";
  var matches = [];
  var active = -1;
  var pending = null;
  var typingTimer = null;
  var sending = false;
  var serial = 1000;

  function say(message, problem) {
    status.textContent = message || "";
    status.classList.toggle("problem", !!problem);
  }

  function method() {
    var checked = form.querySelector("input[name=payment]:checked");
    return checked ? checked.value : "";
  }

  // ---- Lines ----
  function rows() { return Array.prototype.slice.call(lines.querySelectorAll("[data-line]")); }

  function line(row) {
    return {
      row: row, id: row.dataset.item, code: row.dataset.code,
      price: Number(row.dataset.price) || 0, stock: Number(row.dataset.stock) || 0,
      name: row.querySelector("[data-field=name]").textContent,
      quantity: row.querySelector("input[name=quantity]"),
      discount: row.querySelector("input[name=discount]")
    };
  }

  function rowFor(field, value) {
    return rows().filter(function (row) {
      return String(row.dataset[field]).toUpperCase() === String(value).toUpperCase();
    })[0];
  }

  function problemOf(l) {
    var quantity = parseInt(l.quantity.value, 10);
    if (!(quantity >= 1)) return { input: l.quantity, message: fmt(t.tQuantity, { item: l.name }) };
    if (quantity > l.stock) return { input: l.quantity, message: fmt(t.tStockLimit, { n: l.stock, item: l.name }) };
    var discount = parseRp(l.discount.value);
    if (isNaN(discount)) return { input: l.discount, message: fmt(t.tDiscountInvalid, { item: l.name }) };
    var gross = l.price * quantity;
    if (discount * 100 > gross * limit) {
      return { input: l.discount, message: fmt(t.tDiscountLimit, {
        item: l.name, limit: String(limit).replace(".", ","),
        max: rp(Math.floor(gross * limit / 100)) }) };
    }
    return null;
  }

  function showProblem(l, problem) {
    var note = l.row.querySelector(".line-errors");
    if (!note) {
      note = document.createElement("p");
      note.className = "line-errors error";
      note.id = "line-error-" + (serial++);
      l.row.appendChild(note);
    }
    note.textContent = problem ? problem.message : "";
    note.hidden = !problem;
    [l.quantity, l.discount].forEach(function (input) {
      var wrong = !!problem && problem.input === input;
      input.setAttribute("aria-invalid", wrong ? "true" : "false");
      if (wrong) input.setAttribute("aria-describedby", note.id);
      else input.removeAttribute("aria-describedby");
    });
    l.row.classList.toggle("has-error", !!problem);
  }

  function recalc() {
    var total = 0;
    var first = null;
    rows().forEach(function (row) {
      var l = line(row);
      var quantity = parseInt(l.quantity.value, 10) || 0;
      var discount = parseRp(l.discount.value) || 0;
      var sum = l.price * quantity - discount;
      row.querySelector("[data-field=total]").textContent = rp(sum);
      var problem = problemOf(l);
      showProblem(l, problem);
      if (problem && !first) first = problem;
      total += sum;
    });
    totalOut.textContent = rp(total);
    cartTotal.textContent = rows().length ? "· " + rp(total) : "";
    var n = rows().length;
    empty.hidden = n > 0;
    count.textContent = n ? "(" + n + ")" : "";
    var given = parseRp(paid.value);
    var change = paid.value.trim() && !isNaN(given) ? given - total : 0;
    changeOut.textContent = change < 0 ? fmt(t.tShort, { amount: rp(-change) }) : rp(change);
    changeOut.classList.toggle("short", change < 0);
    return { total: total, problem: first, paid: given };
  }

  function addItem(item, quantity) {
    if (item.on_hand < 1) {
      say(fmt(t.tNoStock, { item: item.name + " (" + item.code + ")" }), true);
      return false;
    }
    var row = rowFor("item", item.id);
    var l;
    if (row) {
      l = line(row);
      quantity += parseInt(l.quantity.value, 10) || 0;
    } else {
      row = template.content.querySelector("[data-line]").cloneNode(true);
      var n = serial++;
      row.dataset.item = item.id;
      row.dataset.code = item.code;
      row.dataset.price = item.price;
      row.querySelector("input[name=item]").value = item.id;
      row.querySelectorAll("[data-field=name]").forEach(function (el) { el.textContent = item.name; });
      row.querySelector("[data-field=code]").textContent = item.code;
      row.querySelector("[data-field=price]").textContent = rp(item.price);
      ["qty", "discount"].forEach(function (prefix) {
        var label = row.querySelector("label[for^=" + prefix + "-]");
        label.htmlFor = prefix + "-n" + n;
        row.querySelector(prefix === "qty" ? "input[name=quantity]" : "input[name=discount]").id =
          prefix + "-n" + n;
      });
      enhance(row);
      lines.appendChild(row);
      l = line(row);
    }
    row.dataset.stock = item.on_hand;
    row.querySelector("[data-field=stock]").textContent = item.on_hand;
    l.quantity.max = item.on_hand;
    l = line(row);
    if (quantity > item.on_hand) {
      quantity = item.on_hand;
      say(fmt(t.tStockLimit, { n: item.on_hand, item: item.name }), true);
    } else {
      say(fmt(t.tAdded, { item: item.name }));
    }
    l.quantity.value = quantity;
    rows().forEach(function (other) { other.classList.toggle("just-added", other === row); });
    row.scrollIntoView({ block: "nearest" });
    recalc();
    return true;
  }

  function removeRow(row, focusNext) {
    var name = line(row).name;
    var after = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    recalc();
    say(fmt(t.tRemoved, { item: name }));
    if (focusNext && after) after.focus();
    else q.focus();
  }

  function step(row, by) {
    var l = line(row);
    var quantity = (parseInt(l.quantity.value, 10) || 0) + by;
    if (quantity < 1) { removeRow(row, true); return; }
    if (quantity > l.stock) {
      say(fmt(t.tStockLimit, { n: l.stock, item: l.name }), true);
      quantity = l.stock;
    }
    l.quantity.value = quantity;
    recalc();
  }

  function enhance(row) {
    row.querySelectorAll(".step").forEach(function (button) { button.hidden = false; });
  }

  lines.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    var row = button.closest("[data-line]");
    if (button.classList.contains("line-remove")) {
      event.preventDefault();
      removeRow(row, false);
    } else if (button.dataset.step) {
      step(row, Number(button.dataset.step));
    }
  });
  lines.addEventListener("input", recalc);
  lines.addEventListener("keydown", function (event) {
    var row = event.target.closest("[data-line]");
    if (!row) return;
    var onRow = event.target === row;
    var isInput = event.target.tagName === "INPUT";
    if (event.key === "Enter" && isInput) {
      event.preventDefault();
      recalc();
      q.focus();
    } else if (event.key === "Delete" && !isInput) {
      event.preventDefault();
      removeRow(row, true);
    } else if (onRow && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      var target = event.key === "ArrowDown" ? row.nextElementSibling : row.previousElementSibling;
      if (target) target.focus();
      else if (event.key === "ArrowDown") q.focus();
    } else if (onRow && (event.key === "+" || event.key === "-")) {
      event.preventDefault();
      step(row, event.key === "+" ? 1 : -1);
    } else if (onRow && event.key === "Enter") {
      event.preventDefault();
      line(row).quantity.focus();
      line(row).quantity.select();
    }
  });

  // ---- Finding items: scanner, typing, camera ----
  function closeMatches() {
    matches = [];
    active = -1;
    list.hidden = true;
    list.textContent = "";
    q.setAttribute("aria-expanded", "false");
    q.removeAttribute("aria-activedescendant");
  }

  function activate(index) {
    var options = list.querySelectorAll("[role=option]");
    if (!options.length) return;
    active = (index + options.length) % options.length;
    options.forEach(function (option, i) {
      option.setAttribute("aria-selected", i === active ? "true" : "false");
    });
    q.setAttribute("aria-activedescendant", options[active].id);
    options[active].scrollIntoView({ block: "nearest" });
  }

  function showMatches(results, quantity) {
    closeMatches();
    matches = results;
    results.forEach(function (item, i) {
      var option = document.createElement("li");
      option.id = "till-match-" + i;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.index = i;
      option.dataset.code = item.code;
      option.dataset.quantity = quantity || 1;
      var name = document.createElement("strong");
      name.textContent = item.name;
      var details = document.createElement("span");
      details.textContent = item.code + " · " + rp(item.price) + " · " + t.tStock + " " + item.on_hand;
      option.appendChild(name);
      option.appendChild(details);
      list.appendChild(option);
    });
    list.hidden = false;
    q.setAttribute("aria-expanded", "true");
    say(fmt(t.tMatches, { n: results.length }));
  }

  function choose(index) {
    var item = matches[index];
    var option = list.querySelectorAll("[role=option]")[index];
    var quantity = option ? Number(option.dataset.quantity) || 1 : 1;
    closeMatches();
    if (item && addItem(item, quantity)) q.value = "";
    q.focus();
  }

  list.addEventListener("mousedown", function (event) { event.preventDefault(); });
  list.addEventListener("click", function (event) {
    var option = event.target.closest("[role=option]");
    if (option) choose(Number(option.dataset.index));
  });

  function lookup(text) {
    if (pending && pending.abort) pending.abort();
    pending = window.AbortController ? new AbortController() : null;
    return fetch(t.lookupUrl + "?q=" + encodeURIComponent(text), {
      headers: { Accept: "application/json" }, credentials: "same-origin",
      signal: pending ? pending.signal : undefined
    }).then(function (response) {
      if (!response.ok || response.redirected) throw new Error("lookup " + response.status);
      return response.json();
    });
  }

  function failed(error) {
    if (error && error.name === "AbortError") return;
    say(t.tOffline, true);
  }

  /* "3*K-000123": three pieces of that item. */
  function split(raw) {
    var m = raw.match(/^(\d{1,4})\s*[*xX×]\s*(\S.*)$/);
    return m ? { quantity: Math.max(1, parseInt(m[1], 10)), text: m[2] } : { quantity: 1, text: raw };
  }

  function scan(raw) {
    var wanted = split(raw.trim());
    if (!wanted.text) return;
    clearTimeout(typingTimer);
    var code = wanted.text.match(/K-?(\d{6,12})(?!\d)/i);
    var known = code && rowFor("code", "K-" + code[1]);
    if (known) {  // in the cart already: one more, without a round trip
      var l = line(known);
      addItem({ id: l.id, code: l.code, name: l.name, price: l.price, on_hand: l.stock },
        wanted.quantity);
      q.value = "";
      closeMatches();
      return;
    }
    lookup(wanted.text).then(function (data) {
      var results = data.results;
      if (results.length === 1 && (data.exact || !code)) {
        closeMatches();
        if (addItem(results[0], wanted.quantity)) q.value = "";
        else q.select();
      } else if (results.length) {
        showMatches(results, wanted.quantity);
        activate(0);
      } else {
        closeMatches();
        say(fmt(t.tNotFound, { text: wanted.text }), true);
        q.select();
      }
    }).catch(failed);
  }

  function suggest() {
    var wanted = split(q.value.trim());
    if (wanted.text.length < 2) { closeMatches(); return; }
    lookup(wanted.text).then(function (data) {
      if (split(q.value.trim()).text !== wanted.text) return;
      if (data.results.length) showMatches(data.results, wanted.quantity);
      else { closeMatches(); say(fmt(t.tNotFound, { text: wanted.text }), true); }
    }).catch(failed);
  }

  q.addEventListener("input", function () {
    clearTimeout(typingTimer);
    active = -1;
    typingTimer = setTimeout(suggest, 250);
  });

  q.addEventListener("keydown", function (event) {
    var open = !list.hidden && matches.length;
    if (event.key === "ArrowDown" && open) {
      event.preventDefault();
      activate(active + 1);
    } else if (event.key === "ArrowUp" && open) {
      event.preventDefault();
      activate(active - 1);
    } else if (event.key === "ArrowUp" && !q.value && rows().length) {
      event.preventDefault();  // from the empty field, select the last line
      rows()[rows().length - 1].focus();
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (open && active >= 0) choose(active);
      else scan(q.value);
    }
  });

  document.getElementById("till-add").addEventListener("click", function (event) {
    event.preventDefault();
    if (!list.hidden && active >= 0) choose(active);
    else scan(q.value);
    q.focus();
  });

  // ---- The camera (Chromium on Android has BarcodeDetector) ----
  var cameraButton = document.getElementById("till-camera-open");
  var dialog = document.getElementById("till-camera");
  var video = document.getElementById("till-video");
  var cameraStatus = document.getElementById("till-camera-status");
  var stream = null;

  function stopCamera() {
    if (stream) stream.getTracks().forEach(function (track) { track.stop(); });
    stream = null;
    video.srcObject = null;
  }

  function watch(detector) {
    if (!stream) return;
    detector.detect(video).then(function (codes) {
      if (codes.length && codes[0].rawValue) {
        dialog.close();
        scan(codes[0].rawValue);
      } else {
        setTimeout(function () { watch(detector); }, 200);
      }
    }).catch(function () { setTimeout(function () { watch(detector); }, 400); });
  }

  if ("BarcodeDetector" in window && navigator.mediaDevices && dialog.showModal) {
    window.BarcodeDetector.getSupportedFormats().then(function (formats) {
      cameraButton.hidden = formats.indexOf("qr_code") < 0;
    }).catch(function () {});
    cameraButton.addEventListener("click", function () {
      cameraStatus.textContent = t.tCameraLook;
      dialog.showModal();
      navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false })
        .then(function (media) {
          stream = media;
          video.srcObject = media;
          return video.play();
        }).then(function () {
          watch(new window.BarcodeDetector({ formats: ["qr_code"] }));
        }).catch(function () {
          cameraStatus.textContent = t.tCameraFailed;
        });
    });
    dialog.querySelector("[data-action=camera-close]").addEventListener("click", function () {
      dialog.close();
    });
    dialog.addEventListener("close", function () { stopCamera(); q.focus(); });
  }

  // ---- Payment ----
  function showPanels() {
    var chosen = method();
    form.querySelectorAll("[data-panel]").forEach(function (panel) {
      panel.hidden = panel.dataset.panel.split(" ").indexOf(chosen) < 0;
    });
    reference.required = chosen === "transfer";
    recalc();
  }
  form.querySelectorAll("input[name=payment]").forEach(function (radio) {
    radio.addEventListener("change", showPanels);
  });
  paid.addEventListener("input", recalc);
  form.querySelector("[data-quick]").hidden = false;
  form.querySelectorAll("[data-paid]").forEach(function (button) {
    button.addEventListener("click", function () {
      var amount = button.dataset.paid === "exact" ? recalc().total : Number(button.dataset.paid);
      paid.value = rp(amount).replace("Rp ", "");
      recalc();
      paid.focus();
    });
  });
  [paid, reference].forEach(function (input) {
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); pay(); }
    });
  });

  function problem() {
    var state = recalc();
    if (!rows().length) return { message: t.tEmpty, input: q };
    if (state.problem) return state.problem;
    if (method() === "cash" && paid.value.trim() && (isNaN(state.paid) || state.paid < state.total)) {
      return { message: fmt(t.tPaidShort, { amount: rp(state.total - (state.paid || 0)) }),
        input: paid };
    }
    if (method() === "transfer" && !reference.value.trim()) return { message: t.tReference, input: reference };
    return null;
  }

  function pay() {
    if (sending) return;
    if (form.requestSubmit) form.requestSubmit(payButton);
    else payButton.click();
  }

  form.addEventListener("submit", function (event) {
    var submitter = event.submitter;
    if (!submitter || submitter.value !== "pay") {
      event.preventDefault();  // Enter in a field: handled above, never a post
      return;
    }
    if (sending) { event.preventDefault(); return; }
    var wrong = problem();
    if (wrong) {
      event.preventDefault();
      say(wrong.message, true);
      wrong.input.focus();
      return;
    }
    sending = true;
    try { sessionStorage.setItem(SENT, key.value); } catch (e) { /* private mode */ }
    say(t.tSending);
    setTimeout(function () { payButton.disabled = true; }, 0);  // after the submitter is read
  });

  // ---- A new cart ----
  function clearCart() {
    rows().forEach(function (row) { row.remove(); });
    key.value = newKey();
    paid.value = "";
    reference.value = "";
    q.value = "";
    closeMatches();
    recalc();
    q.focus();
  }
  var clearButton = form.querySelector("[data-action=clear]");
  clearButton.hidden = false;
  clearButton.addEventListener("click", function () {
    if (!rows().length || window.confirm(t.tConfirmClear)) clearCart();
  });

  window.addEventListener("pageshow", function (event) {
    var sent = null;
    try { sent = sessionStorage.getItem(SENT); } catch (e) { /* private mode */ }
    if (event.persisted && sent === key.value) {
      // Back to a cart that was sent, stored or not: it keeps its key, so paying again
      // shows its receipt, never a second sale; "Empty the cart" starts a new one.
      sending = false;
      payButton.disabled = false;
      say(t.tSent);
    }
  });

  // ---- Keys for the whole page ----
  document.addEventListener("keydown", function (event) {
    if (dialog.open) return;  // Esc closes the dialog natively
    if (event.key === "F2") {
      event.preventDefault();
      var chosen = method();
      (chosen === "cash" ? paid : chosen === "card" ? payButton : reference).focus();
      if (chosen !== "card") (chosen === "cash" ? paid : reference).select();
    } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      pay();
    } else if (event.key === "F4") {
      event.preventDefault();
      var all = rows();
      if (all.length) {
        var quantity = line(all[all.length - 1]).quantity;
        quantity.focus();
        quantity.select();
      }
    } else if (event.key === "Escape") {
      if (event.target === q) {
        if (!list.hidden) closeMatches();
        else q.value = "";
      }
      q.focus();
    }
  });

  form.querySelector(".till-keys").hidden = false;  // the shortcuts work only with this script
  rows().forEach(enhance);
  if (!rows().length && !form.querySelector(".errors")) key.value = newKey();
  else {
    try {  // a refused sale came back with its cart: it was not stored, keep its key
      if (sessionStorage.getItem(SENT) === key.value) sessionStorage.removeItem(SENT);
    } catch (e) { /* private mode */ }
  }
  showPanels();
})();
