/* The mentor's visit form, offline first.
 *
 * Every submission is written to IndexedDB (fields, photo Blobs, client_key) before it is
 * sent, and stays there as "waiting" until the server confirms it; then it is marked
 * "arrived" and its photos are dropped. The client_key makes every retry idempotent: the
 * server stores one visit per key. A draft (typed but not saved) is kept in the same
 * store on every input, so it survives a reload and a closed tab. Nothing that has not
 * arrived is deleted without a confirm().
 *
 * Without this script the form is a plain multipart POST and still works.
 */
(function () {
  "use strict";

  var queue = document.querySelector("[data-visits]");
  if (!queue || !window.indexedDB || !window.fetch) return;
  var t = queue.dataset;
  var form = document.getElementById("visit-form");
  var DB_NAME = "kriya-visits";
  var STORE = "submissions";
  var KEEP_ARRIVED = 20;
  var TEXT_FIELDS = ["business", "visited_on", "findings", "advice", "next_step",
    "next_step_due", "latitude", "longitude"];

  // ---- IndexedDB, as promises ----
  var dbPromise = new Promise(function (resolve, reject) {
    var request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = function () {
      request.result.createObjectStore(STORE, { keyPath: "client_key" });
    };
    request.onsuccess = function () { resolve(request.result); };
    request.onerror = function () { reject(request.error); };
  });

  function withStore(mode, work) {
    return dbPromise.then(function (db) {
      return new Promise(function (resolve, reject) {
        var transaction = db.transaction(STORE, mode);
        var request = work(transaction.objectStore(STORE));
        transaction.oncomplete = function () { resolve(request ? request.result : undefined); };
        transaction.onerror = function () { reject(transaction.error); };
        transaction.onabort = function () { reject(transaction.error); };
      });
    });
  }
  function allRecords() { return withStore("readonly", function (s) { return s.getAll(); }); }
  function getRecord(key) { return withStore("readonly", function (s) { return s.get(key); }); }
  function putRecord(record) { return withStore("readwrite", function (s) { return s.put(record); }); }
  function deleteRecord(key) { return withStore("readwrite", function (s) { return s.delete(key); }); }

  var newKey = window.kriyaNewKey;  // keys.js

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // ---- The lists: waiting and arrived, with their counts ----
  function byNewest(a, b) { return (b.saved_at || "").localeCompare(a.saved_at || ""); }

  function render() {
    return allRecords().then(function (records) {
      var waiting = records.filter(function (r) {
        return r.status === "waiting" || r.status === "refused";
      }).sort(byNewest);
      var arrived = records.filter(function (r) { return r.status === "arrived"; }).sort(byNewest);
      fill("waiting", waiting);
      fill("arrived", arrived);
      queue.querySelector("[data-action=send-now]").hidden = waiting.length === 0;
      arrived.slice(KEEP_ARRIVED).forEach(function (r) { deleteRecord(r.client_key); });
      return records;
    });
  }

  function fill(kind, records) {
    var list = document.getElementById("queue-" + kind);
    list.replaceChildren.apply(list, records.map(item));
    queue.querySelector("[data-count=" + kind + "]").textContent = String(records.length);
    queue.querySelector("[data-empty=" + kind + "]").hidden = records.length > 0;
  }

  function item(record) {
    var li = el("li", "queue-item " + record.status);
    li.dataset.key = record.client_key;
    li.appendChild(el("strong", "", record.business_label || "?"));
    var photos = record.status === "arrived" ? record.photo_count || 0 : record.photos.length;
    li.appendChild(el("span", "muted", (record.fields.visited_on || "") +
      (photos ? " · " + photos + " " + t.tPhotos : "")));
    li.appendChild(el("span", "state", record.status === "arrived" ? t.tArrived :
      record.status === "refused" ? t.tRefused : t.tWaiting));
    if (record.error) li.appendChild(el("span", "problem", record.error));
    var actions = el("span", "queue-actions");
    if (record.status === "arrived") {
      var link = el("a", "", t.tOpen);
      link.href = record.url;
      actions.appendChild(link);
    } else {
      if (record.status === "refused") {
        var edit = el("button", "link", t.tEdit);
        edit.type = "button";
        edit.dataset.action = "edit";
        actions.appendChild(edit);
      }
      var discard = el("button", "link", t.tDiscard);
      discard.type = "button";
      discard.dataset.action = "discard";
      actions.appendChild(discard);
    }
    li.appendChild(actions);
    return li;
  }

  queue.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-action]");
    if (!button) return;
    var li = button.closest("li");
    if (button.dataset.action === "send-now") sendAll();
    if (button.dataset.action === "discard" && window.confirm(t.tConfirmDiscard)) {
      deleteRecord(li.dataset.key).then(render);
    }
    if (button.dataset.action === "edit") {
      if (form) reopen(li.dataset.key);
      else window.location.href = t.sendUrl + "#kunci=" + li.dataset.key;
    }
  });

  // ---- Sending: idempotent by client_key, so a retry never doubles a visit ----
  var sending = null;

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (match) return decodeURIComponent(match[1]);
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  // When to send: at once when the browser says it is back online (and on load, and on
  // Send now); while it says so but a request still fails (the signal is just back, the
  // server is slow), again after 2, 4, 8 and 16 s; and every 30 s whatever happens.
  var sendAgain = false;
  var retryTimer = null;
  var retryDelay = 0;
  var RETRY_EVERY = 30000;
  var LAST_RETRY = 16000;

  function sendAll() {
    if (sending) {
      sendAgain = true;  // a visit queued while a round is under way goes in the next one
      return sending;
    }
    window.clearTimeout(retryTimer);
    sending = allRecords().then(function (records) {
      var waiting = records.filter(function (r) { return r.status === "waiting"; });
      return waiting.reduce(function (done, record) {
        return done.then(function () { return send(record); });
      }, Promise.resolve());
    }).then(render, render).catch(function () { return []; }).then(function (records) {
      sending = null;
      if (sendAgain) {
        sendAgain = false;
        return sendAll();
      }
      retrySoon(records || []);
    });
    return sending;
  }

  function retrySoon(records) {
    var left = records.some(function (r) { return r.status === "waiting"; });
    if (!left) retryDelay = 0;
    if (!left || !navigator.onLine || retryDelay >= LAST_RETRY) return;
    retryDelay = retryDelay ? retryDelay * 2 : 2000;
    retryTimer = window.setTimeout(sendAll, retryDelay);
  }

  function send(record) {
    var body = new FormData();
    Object.keys(record.fields).forEach(function (name) {
      body.append(name, record.fields[name]);
    });
    body.set("client_key", record.client_key);
    record.photos.forEach(function (photo) { body.append("photos", photo.blob, photo.name); });
    status(t.tSending);
    return fetch(t.sendUrl, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRFToken": csrfToken() },
    }).then(function (response) {
      var json = (response.headers.get("Content-Type") || "").indexOf("json") >= 0;
      if (!json) return failed(record, response.redirected || response.status === 403 ?
        t.tLogin : t.tServer);
      return response.json().then(function (answer) {
        if (response.ok && answer.ok) return arrived(record, answer);
        if (response.status === 422) return refused(record, answer.errors || []);
        return failed(record, t.tServer);
      });
    }, function () { return failed(record, t.tOffline); });
  }

  function arrived(record, answer) {
    record.status = "arrived";
    record.url = answer.url;
    record.photo_count = record.photos.length;
    record.photos = [];  // the server has them now
    record.error = "";
    record.arrived_at = new Date().toISOString();
    status(t.tSent);
    return putRecord(record);
  }

  function refused(record, errors) {
    record.status = "refused";
    record.error = errors.map(function (e) {
      return (e.field ? e.field + ": " : "") + e.message;
    }).join(" ");
    status(record.error, true);
    return putRecord(record);
  }

  function failed(record, message) {
    record.error = message;
    status(message, true);
    return putRecord(record);
  }

  function status(message, problem) {
    var box = document.getElementById("visit-status");
    if (!box) return;
    box.textContent = message;
    box.classList.toggle("problem", !!problem);
  }

  window.addEventListener("online", function () {
    retryDelay = 0;
    sendAll();
  });
  window.setInterval(function () { if (navigator.onLine) sendAll(); }, RETRY_EVERY);

  // ---- The form: a draft kept on every input, queued on submit ----
  var photos = [];
  var draftKey = null;

  function field(name) { return form.elements.namedItem(name); }

  function collect() {
    var fields = {};
    TEXT_FIELDS.forEach(function (name) {
      var input = field(name);
      if (!input) return;
      fields[name] = input.value || "";
    });
    var chosen = form.querySelector("input[name=business]:checked");
    fields.business = chosen ? chosen.value : "";
    var label = chosen ? chosen.closest("label").querySelector("strong").textContent : "";
    return { fields: fields, label: label };
  }

  function meaningful(values) {
    return photos.length > 0 || ["business", "findings", "advice", "next_step", "latitude"]
      .some(function (name) { return values.fields[name]; });
  }

  // Every input is kept at once (a closed tab loses nothing typed); while one write is
  // under way, the next waits and takes the latest values.
  var writing = null;
  var again = false;

  function saveDraft() {
    if (writing) {
      again = true;
      return writing;
    }
    var values = collect();
    if (!draftKey || !meaningful(values)) return Promise.resolve();
    form.querySelector("[data-action=discard-draft]").hidden = false;
    writing = putRecord({
      client_key: draftKey, status: "draft", fields: values.fields,
      business_label: values.label, photos: photos.slice(),
      saved_at: new Date().toISOString(),
    }).catch(function () {}).then(function () {
      writing = null;
      if (again) {
        again = false;
        return saveDraft();
      }
    });
    return writing;
  }

  // No more draft writes under this key: it is being queued or discarded.
  function closeDraft() {
    var key = draftKey;
    draftKey = null;
    again = false;
    return key;
  }

  function restore(record) {
    draftKey = record.client_key;
    field("client_key").value = draftKey;
    if (record.fields.business) {
      choose({ id: record.fields.business, name: record.business_label, village: "" });
    }
    TEXT_FIELDS.forEach(function (name) {
      var input = field(name);
      if (name !== "business" && input && record.fields[name] !== undefined) {
        input.value = record.fields[name];
      }
    });
    photos = (record.photos || []).slice();
    showPhotos();
    form.querySelector("[data-action=discard-draft]").hidden = false;
  }

  function startNew() {
    draftKey = newKey();
    form.reset();
    field("client_key").value = draftKey;
    field("visited_on").value = today();
    photos = [];
    showPhotos();
    form.querySelector("[data-action=discard-draft]").hidden = true;
  }

  function today() {
    var now = new Date();
    return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
  }

  function reopen(key) {
    if (meaningful(collect())) {
      window.alert(t.tBusy);
      return;
    }
    getRecord(key).then(function (record) {
      if (!record) return;
      record.status = "draft";
      record.error = "";
      return putRecord(record).then(function () {
        restore(record);
        form.scrollIntoView();
        return render();
      });
    });
  }

  // ---- Photos: kept as Blobs with the draft and the queued submission ----
  var preview = document.getElementById("photo-previews");

  function showPhotos() {
    if (!preview) return;
    Array.prototype.forEach.call(preview.querySelectorAll("img"), function (img) {
      URL.revokeObjectURL(img.src);
    });
    preview.replaceChildren.apply(preview, photos.map(function (photo, index) {
      var li = el("li");
      var img = el("img");
      img.src = URL.createObjectURL(photo.blob);
      img.alt = photo.name;
      var remove = el("button", "", "×");
      remove.type = "button";
      remove.title = t.tRemovePhoto;
      remove.setAttribute("aria-label", t.tRemovePhoto + ": " + photo.name);
      remove.addEventListener("click", function () {
        photos.splice(index, 1);
        showPhotos();
        saveDraft();
      });
      li.append(img, remove);
      return li;
    }));
  }

  // ---- The business picker: the council's businesses by name; offline, the recent ones ----
  var choices = document.getElementById("business-choices");
  var search = document.getElementById("business-q");
  var note = document.getElementById("business-note");
  var recent = [];

  function choice(business) {
    var label = el("label", "choice");
    var radio = el("input");
    radio.type = "radio";
    radio.name = "business";
    radio.value = String(business.id);
    radio.required = true;
    var text = el("span");
    text.append(el("strong", "", business.name), " ", el("small", "", business.village));
    label.append(radio, text);
    return label;
  }

  function choose(business) {
    var radio = choices.querySelector("input[value='" + CSS.escape(String(business.id)) + "']");
    if (!radio) {
      choices.prepend(choice(business));
      radio = choices.querySelector("input[name=business]");
    }
    radio.checked = true;
  }

  function showChoices(businesses, message) {
    var chosen = choices.querySelector("input[name=business]:checked");
    var keep = chosen ? chosen.closest("label") : null;
    var nodes = businesses.filter(function (b) {
      return !chosen || String(b.id) !== chosen.value;
    }).map(choice);
    if (keep) nodes.unshift(keep);
    if (!nodes.length) nodes.push(el("p", "empty", t.tNoResults));
    choices.replaceChildren.apply(choices, nodes);
    if (message !== undefined) note.textContent = message;
  }

  function findBusinesses() {
    var query = search.value.trim();
    var url = search.dataset.searchUrl + "?q=" + encodeURIComponent(query);
    return fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        var offline = response.headers.get("X-Kriya-Offline");
        return response.json().then(function (answer) {
          if (offline) throw new Error("offline");
          showChoices(answer.results, "");
        });
      }).catch(function () {
        var words = query.toLowerCase();
        showChoices(recent.filter(function (b) {
          return b.name.toLowerCase().indexOf(words) >= 0;
        }), t.tOfflineSearch);
      });
  }

  // ---- Location: optional, only when asked ----
  function locate() {
    if (!navigator.geolocation) return status(t.tNoLocation, true);
    status(t.tLocating);
    navigator.geolocation.getCurrentPosition(function (position) {
      field("latitude").value = position.coords.latitude.toFixed(6);
      field("longitude").value = position.coords.longitude.toFixed(6);
      status(t.tLocated);
      saveDraft();
    }, function () { status(t.tNoLocation, true); }, { enableHighAccuracy: true, timeout: 20000 });
  }

  function setUpForm() {
    recent = Array.prototype.map.call(choices.querySelectorAll("label.choice"), function (label) {
      return {
        id: label.querySelector("input").value,
        name: label.querySelector("strong").textContent,
        village: label.querySelector("small").textContent,
      };
    });
    var photoInput = field("photos");
    photoInput.addEventListener("change", function () {
      Array.prototype.forEach.call(photoInput.files, function (file) {
        photos.push({ name: file.name, type: file.type, blob: file });
      });
      photoInput.value = "";  // the photos now live in the list (and the draft)
      showPhotos();
      saveDraft();
    });
    form.addEventListener("input", saveDraft);
    form.addEventListener("change", saveDraft);
    window.addEventListener("pagehide", saveDraft);
    document.getElementById("business-search").addEventListener("submit", function (event) {
      event.preventDefault();
      findBusinesses();
    });
    var typing = null;
    search.addEventListener("input", function () {
      window.clearTimeout(typing);
      typing = window.setTimeout(findBusinesses, 300);
    });
    var locateButton = form.querySelector("[data-action=locate]");
    locateButton.hidden = false;
    locateButton.addEventListener("click", locate);
    form.querySelector("[data-action=discard-draft]").addEventListener("click", function () {
      if (!window.confirm(t.tConfirmDraft)) return;
      var key = closeDraft();
      Promise.resolve(writing).then(function () { return deleteRecord(key); }).then(startNew);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var values = collect();
      values.fields.recorded_at = new Date().toISOString();
      var record = {
        client_key: closeDraft(), status: "waiting", fields: values.fields,
        business_label: values.label, photos: photos.slice(),
        saved_at: new Date().toISOString(), error: "",
      };
      // Stored on the phone first (after any draft write still under way); only then sent.
      Promise.resolve(writing).then(function () { return putRecord(record); }).then(function () {
        startNew();
        status(t.tSaved);
        return render();
      }).then(sendAll);
    });
    return allRecords().then(function (records) {
      var wanted = (window.location.hash.match(/kunci=([\w-]+)/) || [])[1];
      var drafts = records.filter(function (r) { return r.status === "draft"; }).sort(byNewest);
      var refusedOne = records.filter(function (r) {
        return r.client_key === wanted && r.status === "refused";
      })[0];
      if (drafts.length) {
        restore(drafts[0]);
        status(t.tDraftRestored);
      } else {
        startNew();
      }
      if (refusedOne) reopen(refusedOne.client_key);
    });
  }

  // ---- Start ----
  queue.hidden = false;
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register(t.sw, { scope: t.scope }).catch(function () {});
  }
  (form ? setUpForm() : Promise.resolve()).then(render).then(function () {
    if (navigator.onLine) sendAll();
  });
})();
