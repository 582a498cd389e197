// Keeps what is typed in a long form as a draft in this browser (issue 20): saved as it is typed, under the user,
// the form and its object (the form's address); filled in again when the page is opened again, with a note and a
// way to discard it; dropped once the server has confirmed the save (it names the form's key in the
// `gandan_saved` cookie). The draft keeps the form's idempotency key, so sending it again never saves twice.
// Save sends the form in the background: when the line drops, the form stays on screen marked "not sent" and is sent
// again, with the same key, when the signal returns. A draft sent but not yet confirmed (the browser was closed, the
// form opened again from the offline copy kept by sw.js) is sent again as soon as its form is opened. Forms work
// without this script: they post as usual.
(function () {
  "use strict";
  var words = {
    vi: {
      restored: "Đã khôi phục bản nháp chưa lưu", at: "lúc", discard: "Bỏ bản nháp", sending: "Đang gửi…",
      sent: "Đã gửi.", now: "Gửi lại ngay",
      unsent: "Chưa gửi: mất kết nối. Nội dung vẫn giữ trên máy này và sẽ tự gửi lại khi có sóng."
    },
    en: {
      restored: "Restored an unsaved draft", at: "from", discard: "Discard the draft", sending: "Sending…",
      sent: "Sent.", now: "Send now",
      unsent: "Not sent: the connection dropped. What you typed is kept on this device and is sent when the signal returns."
    }
  };
  var t = words[document.documentElement.lang === "en" ? "en" : "vi"];
  var prefix = "gandan-draft:";
  var store;
  try {
    store = window.localStorage;
    store.getItem(prefix);
  } catch (error) {
    return;
  }

  function read(key) {
    try {
      var draft = JSON.parse(store.getItem(key) || "null");
      return draft && typeof draft.values === "object" ? draft : null;
    } catch (error) {
      return null;
    }
  }

  // Drafts whose save the server has confirmed are dropped, then the cookie that named them.
  var cookie = document.cookie.split("; ").filter(function (part) {
    return part.indexOf("gandan_saved=") === 0;
  })[0];
  if (cookie) {
    var saved = cookie.slice("gandan_saved=".length).split(".");
    for (var index = store.length - 1; index >= 0; index -= 1) {
      var name = store.key(index);
      if (name && name.indexOf(prefix) === 0) {
        var draft = read(name);
        if (!draft || saved.indexOf(draft.idem) >= 0) store.removeItem(name);
      }
    }
    document.cookie = "gandan_saved=; Max-Age=0; Path=/; SameSite=Lax";
  }

  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (field) {
      var type = (field.type || "").toLowerCase();
      return field.name && ["hidden", "password", "file", "submit", "button", "reset"].indexOf(type) < 0;
    });
  }

  function collect(form) {
    var values = {};
    fields(form).forEach(function (field) {
      if (field.type === "radio") {
        if (field.checked) values[field.name] = field.value;
      } else if (field.type === "checkbox") {
        values[field.name + "=" + field.value] = field.checked;
      } else {
        values[field.name] = field.value;
      }
    });
    return values;
  }

  function apply(form, values) {
    fields(form).forEach(function (field) {
      if (field.type === "radio") {
        if (field.name in values) field.checked = values[field.name] === field.value;
      } else if (field.type === "checkbox") {
        var key = field.name + "=" + field.value;
        if (key in values) field.checked = values[key] === true;
      } else if (field.name in values) {
        field.value = values[field.name];
      }
    });
  }

  function differs(values, shown) {
    return Object.keys(values).some(function (key) {
      return values[key] !== shown[key];
    });
  }

  function when(time) {
    var date = new Date(time);
    var two = function (number) {
      return (number < 10 ? "0" : "") + number;
    };
    return two(date.getHours()) + ":" + two(date.getMinutes()) + " " + two(date.getDate()) + "/" +
      two(date.getMonth() + 1) + "/" + date.getFullYear();
  }

  // A key of this form's own: the page's key is shared by its forms (and a page may come again from a cache), and a
  // confirmed key drops every draft that holds it.
  function newKey(form, index) {
    if (window.crypto && window.crypto.getRandomValues) {
      var bytes = new Uint8Array(16);
      window.crypto.getRandomValues(bytes);
      return Array.prototype.map.call(bytes, function (byte) {
        return (byte < 16 ? "0" : "") + byte.toString(16);
      }).join("");
    }
    return form.querySelector('input[name="idem"]').value.slice(0, 36) + "-" + index;
  }

  function keep(form, index) {
    var key = prefix + form.getAttribute("data-draft") + ":" + form.getAttribute("action");
    var idem = form.querySelector('input[name="idem"]');
    var freshKey = function () {
      return idem ? newKey(form, index) : "";
    };
    var shown = collect(form);
    var draft = read(key);
    if (idem) idem.value = freshKey();
    // A draft sent but never confirmed comes back even when it matches the page, so its key is sent again: once recorded,
    // never twice. One whose send got no answer at all (no signal) is sent again at once.
    if (draft && (draft.sent || differs(draft.values, shown))) {
      apply(form, draft.values);
      if (idem && draft.idem) idem.value = draft.idem;
      note(form, key, draft, idem, freshKey);
      if (draft.sent && draft.unanswered) sender(form, key).send();
    } else if (draft) {
      store.removeItem(key);
    }
    var timer = null;
    // Keeps what the form holds now; an entry sent and not yet confirmed stays so while it is edited (the next send
    // carries the edits, under the same key).
    function save(sent) {
      if (timer !== null) window.clearTimeout(timer);
      timer = null;
      var values = collect(form);
      var before = read(key);
      if (sent !== true && !differs(values, shown) && !before) return;
      try {
        store.setItem(key, JSON.stringify({
          idem: idem ? idem.value : "", at: Date.now(), values: values,
          sent: sent === true || Boolean(before && before.sent), unanswered: Boolean(before && before.unanswered)
        }));
      } catch (error) {
        // A full store keeps the form working; only the draft is not kept.
      }
    }
    function later() {
      if (timer === null) timer = window.setTimeout(save, 400);
    }
    form.addEventListener("input", later);
    form.addEventListener("change", later);
    form.addEventListener("submit", function (event) {
      // Which Save was pressed (a form in parts comes back to that part), sent with the fields as a plain post would.
      form.gandanSubmitter = event.submitter && event.submitter.name ? event.submitter : null;
      save(true);
      if (window.fetch && window.URLSearchParams && window.FormData) {
        event.preventDefault();
        sender(form, key).send();
      }
    });
    window.addEventListener("pagehide", function () {
      if (timer !== null) save();
    });
  }

  function note(form, key, draft, idem, freshKey) {
    var box = document.createElement("p");
    box.className = "notice draft-note";
    box.setAttribute("role", "status");
    box.textContent = t.restored + " (" + t.at + " " + when(draft.at) + "). ";
    var discard = document.createElement("button");
    discard.type = "button";
    discard.textContent = t.discard;
    discard.addEventListener("click", function () {
      store.removeItem(key);
      form.reset();
      if (idem) idem.value = freshKey();
      box.parentNode.removeChild(box);
    });
    box.appendChild(discard);
    form.parentNode.insertBefore(box, form);
    var details = form.closest ? form.closest("details") : null;
    if (details) details.open = true;
  }

  // Changes the stored draft `key` (when there is one) with `changes`.
  function mark(key, changes) {
    var draft = read(key);
    if (!draft) return;
    Object.keys(changes).forEach(function (name) {
      draft[name] = changes[name];
    });
    try {
      store.setItem(key, JSON.stringify(draft));
    } catch (error) {
      // A full store: the draft stays as it was.
    }
  }

  // Opens where a save led; the same page again (a form in parts comes back to itself, at another part) is loaded
  // anew, where a change of the part alone would only scroll.
  function opened(address) {
    var here = window.location;
    var target = window.URL ? new URL(address, here.href) : null;
    if (target && target.pathname === here.pathname && target.search === here.search) {
      here.hash = target.hash;
      here.reload();
    } else {
      here.assign(address);
    }
  }

  // Sends `form` in the background. Where the save led (`X-GanDan-Location`), or a redirect (sign-in after the session
  // ended), is opened; any other answer (the form again with what to fix, a conflict) is asked for by an ordinary
  // post; no answer marks it "not sent" and tries again when the signal returns, every few seconds, or at once with
  // the button.
  function sender(form, key) {
    if (form.gandanSender) return form.gandanSender;
    var busy = false;
    var retry = null;
    var line = document.createElement("p");
    line.className = "notice send-state";
    line.setAttribute("role", "status");
    line.hidden = true;
    form.appendChild(line);
    function show(text, button) {
      line.hidden = false;
      line.textContent = text + " ";
      line.setAttribute("data-state", button ? "unsent" : "sending");
      if (button) {
        var now = document.createElement("button");
        now.type = "button";
        now.textContent = t.now;
        now.addEventListener("click", send);
        line.appendChild(now);
      }
    }
    function send() {
      if (busy) return;
      busy = true;
      if (retry !== null) window.clearTimeout(retry);
      retry = null;
      show(t.sending, false);
      // The phone knows it has no signal: not sent, without waiting for a request to fail.
      if (navigator.onLine === false) {
        unanswered();
        return;
      }
      var data = new FormData(form);
      var pressed = form.gandanSubmitter;
      if (pressed) data.append(pressed.name, pressed.value);
      var body = new URLSearchParams(data);
      window.fetch(form.action, {
        method: "POST", body: body, credentials: "same-origin",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "X-GanDan-Send": "background" }
      }).then(function (response) {
        busy = false;
        var saved = response.headers.get("X-GanDan-Location");
        if (saved) {
          // Confirmed by the server: the draft is no longer needed.
          store.removeItem(key);
          line.textContent = t.sent;
          line.setAttribute("data-state", "sent");
          // A moment to read "Sent." before the saved page opens.
          window.setTimeout(function () {
            opened(saved);
          }, 800);
        } else if (response.redirected) {
          // Sign-in first (the session ended): the draft stays, marked sent, and comes back on the form.
          window.location.assign(response.url);
        } else {
          // The form again with what to fix, or a conflict: the draft is no longer "sent", so opening the form again
          // does not send it again by itself.
          mark(key, { sent: false, unanswered: false });
          HTMLFormElement.prototype.submit.call(form);
        }
      }, unanswered);
    }
    // No answer at all: kept as "not sent", tried again every few seconds and when the signal returns.
    function unanswered() {
      busy = false;
      mark(key, { unanswered: true });
      show(t.unsent, true);
      retry = window.setTimeout(send, 4000);
    }
    window.addEventListener("online", function () {
      if (line.getAttribute("data-state") === "unsent") send();
    });
    form.gandanSender = { send: send };
    return form.gandanSender;
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-draft]"), function (form, index) {
    if (form.getAttribute("data-draft")) keep(form, index);
  });
})();
