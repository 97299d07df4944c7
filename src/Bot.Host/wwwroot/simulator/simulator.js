"use strict";

// The Posyandu.Bot simulator page: act as any roster person, chat with the bot, and watch what it sends to everyone
// else. It only reads the outbox (every message the bot queued) and posts as the chosen person. Every text from the
// server is set with textContent, never as HTML.
(() => {
  const API = "/simulator/api";
  const POLL_MS = 1000;
  const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
  const FEED_SHOWN = 150;
  // Outbox rows still moving (queued, or waiting for the person to open a chat) are re-read; older ones are left alone.
  const REFRESH_WINDOW = 500;
  // A point in the demo desa (Perian, Kec. Muara Muntai, Kutai Kartanegara) for a quick location test.
  const DEMO_POINT = { latitude: -0.3781, longitude: 116.4164 };
  const ECHO_KEY = "posyandu-simulator-echoes";
  const STATUS_LABELS = {
    Pending: "antre",
    WaitingForChat: "menunggu chat",
    Sent: "terkirim",
    Failed: "gagal",
    Unreachable: "tak terjangkau",
  };
  const UNSETTLED = new Set(["Pending", "WaitingForChat"]);

  const $ = (id) => document.getElementById(id);
  const state = {
    people: [],
    byId: new Map(),
    current: null,
    items: new Map(),
    cursor: 0,
    echoes: loadEchoes(),
    sending: Promise.resolve(),
    dirty: true,
  };

  // ---- small DOM helpers (text only) ----

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  // Bot texts use *bold* (Telegram Markdown style) and carry map links; both are rebuilt as nodes, never parsed as HTML.
  function appendRichText(parent, text) {
    for (const part of String(text).split(/(https:\/\/[^\s]+)/)) {
      if (/^https:\/\/[^\s]+$/.test(part)) {
        const link = el("a", null, part);
        link.href = part;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        parent.append(link);
        continue;
      }
      for (const piece of part.split(/(\*[^*\n]+\*)/)) {
        if (/^\*[^*\n]+\*$/.test(piece)) parent.append(el("strong", null, piece.slice(1, -1)));
        else if (piece) parent.append(document.createTextNode(piece));
      }
    }
  }

  function photo(mediaId) {
    const img = el("img");
    img.src = `${API}/media/${encodeURIComponent(mediaId)}`;
    img.alt = "Foto";
    img.loading = "lazy";
    return img;
  }

  function setStatus(text, isError) {
    const status = $("status");
    status.textContent = text || "";
    status.classList.toggle("error", Boolean(isError));
  }

  function personLine(person) {
    return [person.peranLabel, person.namaWilayah, person.posyandu].filter(Boolean).join(" · ");
  }

  // ---- the tester's own messages (the outbox holds only the bot's side) ----

  function loadEchoes() {
    try {
      return JSON.parse(sessionStorage.getItem(ECHO_KEY)) || {};
    } catch {
      return {};
    }
  }

  function addEcho(personId, anchor, echo) {
    (state.echoes[personId] ||= []).push({ anchor, ...echo });
    try {
      sessionStorage.setItem(ECHO_KEY, JSON.stringify(state.echoes));
    } catch {
      // A full or disabled storage only costs the echoes after a reload.
    }
    state.dirty = true;
    render();
  }

  // ---- people ----

  function groupOf(person) {
    const level = person.kodeWilayah.split(".").length;
    const prefix = level >= 4 ? "Desa" : level === 3 ? "Kecamatan" : "Kabupaten";
    return { key: person.kodeWilayah, title: `${prefix} ${person.namaWilayah}`, order: 5 - level };
  }

  function renderPeople() {
    const list = $("people-list");
    const filter = $("people-filter").value.trim().toLowerCase();
    const groups = new Map();
    for (const person of state.people) {
      const haystack = `${person.nama} ${person.peranLabel} ${person.namaWilayah} ${person.posyandu || ""}`.toLowerCase();
      if (filter && !haystack.includes(filter)) continue;
      const group = groupOf(person);
      if (!groups.has(group.key)) groups.set(group.key, { ...group, people: [] });
      groups.get(group.key).people.push(person);
    }
    const sorted = [...groups.values()].sort((a, b) => a.order - b.order || a.title.localeCompare(b.title, "id"));
    const nodes = [];
    for (const group of sorted) {
      nodes.push(el("h3", null, group.title));
      group.people.sort((a, b) => (a.peran === "KADER" ? 0 : 1) - (b.peran === "KADER" ? 0 : 1)
        || a.peranLabel.localeCompare(b.peranLabel, "id") || a.nama.localeCompare(b.nama, "id"));
      for (const person of group.people) {
        const button = el("button", "person", person.nama);
        button.type = "button";
        button.append(el("small", null, [person.peranLabel, person.posyandu].filter(Boolean).join(" · ")));
        if (state.current && state.current.id === person.id) {
          button.classList.add("selected");
          button.setAttribute("aria-current", "true");
        }
        button.addEventListener("click", () => select(person.id));
        nodes.push(button);
      }
    }
    if (nodes.length === 0) nodes.push(el("p", "hint", state.people.length ? "Tidak ada yang cocok." : "Daftar orang kosong."));
    list.replaceChildren(...nodes);
  }

  function select(personId) {
    const person = state.byId.get(personId);
    if (!person) return;
    state.current = person;
    history.replaceState(null, "", `#orang=${person.id}`);
    rereadConfidential();
    $("location-panel").hidden = true;
    setStatus("");
    state.dirty = true;
    renderPeople();
    render(true);
    // On a narrow screen the panels stack: bring the chat into view after a click in the list or the feed.
    if (window.matchMedia("(max-width: 60rem)").matches) document.querySelector(".chat").scrollIntoView({ block: "start" });
    $("text-input").focus({ preventScroll: true });
  }

  async function loadPeople() {
    const response = await fetch(`${API}/people`);
    if (!response.ok) throw new Error(`people ${response.status}`);
    state.people = await response.json();
    state.byId = new Map(state.people.map((p) => [p.id, p]));
    renderPeople();
    const wanted = /#orang=(\d+)/.exec(location.hash);
    if (wanted) select(Number(wanted[1]));
  }

  // ---- the chat with the chosen person ----

  // The chosen person's simulator chat, plus what waits for them to open one (it is released to this chat).
  function inChat(item, person) {
    return person && item.personId === person.id && (item.channel === null || item.channel === "simulator" || item.channel.startsWith("simulator-"));
  }

  function statusBadge(item) {
    const badge = el("span", "badge", STATUS_LABELS[item.status] || item.status);
    if (item.status === "WaitingForChat") badge.classList.add("waiting");
    if (item.status === "Failed" || item.status === "Unreachable") badge.classList.add("failed");
    return badge;
  }

  function time(iso) {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? "" : date.toLocaleTimeString("id-ID", { hour: "2-digit", minute: "2-digit" });
  }

  function botBubble(item) {
    const bubble = el("div", "msg bot");
    if (item.photoId) bubble.append(photo(item.photoId));
    appendRichText(bubble, item.text);
    const buttons = el("div", "buttons");
    for (const b of item.buttons) {
      const button = el("button", null, b.label);
      button.type = "button";
      button.addEventListener("click", () => send({ choiceData: b.data }, { kind: "choice", text: `▸ ${b.label}` }));
      buttons.append(button);
    }
    if (item.request === "location") {
      const button = el("button", null, "📍 Kirim lokasi");
      button.type = "button";
      button.addEventListener("click", openLocation);
      buttons.append(button);
    }
    if (item.request === "contact") {
      const button = el("button", null, "📱 Bagikan nomor HP");
      button.type = "button";
      button.addEventListener("click", () => send({ shareContact: true }, { kind: "contact", text: "📱 Nomor HP dibagikan" }));
      buttons.append(button);
    }
    if (buttons.childElementCount) bubble.append(buttons);
    const meta = el("span", "meta", `${time(item.createdAt)} `);
    meta.append(statusBadge(item));
    bubble.append(meta);
    return bubble;
  }

  function echoBubble(echo) {
    const bubble = el("div", "msg me");
    if (echo.mediaId) bubble.append(photo(echo.mediaId));
    if (echo.text) bubble.append(document.createTextNode(echo.text));
    return bubble;
  }

  function renderChat(forceBottom) {
    const log = $("chat-log");
    const person = state.current;
    const composerOff = !person;
    for (const control of $("composer").elements) control.disabled = composerOff;
    $("location-button").disabled = composerOff;
    if (!person) {
      $("chat-title").textContent = "Belum ada orang dipilih";
      $("chat-subtitle").textContent = "";
      log.replaceChildren(el("p", "empty", "Pilih orang di kiri untuk mulai berbincang dengan bot sebagai orang itu."));
      return;
    }
    $("chat-title").textContent = person.nama;
    $("chat-subtitle").textContent = personLine(person);

    const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    const bot = [...state.items.values()].filter((item) => inChat(item, person)).sort((a, b) => a.id - b.id);
    const echoes = state.echoes[person.id] || [];
    const nodes = [];
    let next = 0;
    for (const echo of echoes) {
      while (next < bot.length && bot[next].id <= echo.anchor) nodes.push(botBubble(bot[next++]));
      nodes.push(echoBubble(echo));
    }
    while (next < bot.length) nodes.push(botBubble(bot[next++]));
    if (nodes.length === 0) {
      // Like Telegram's Start: opening the chat proves the person's number and the bot greets them.
      const hint = el("div", "empty");
      appendRichText(hint, `Belum ada percakapan sebagai ${person.nama}. Tekan *Mulai* atau ketik pesan.`);
      const start = el("button", "primary", "▶ Mulai");
      start.type = "button";
      start.addEventListener("click", () => send({ shareContact: true }, { kind: "contact", text: "▶ Mulai" }));
      const row = el("div", "buttons");
      row.append(start);
      hint.append(row);
      nodes.push(hint);
    }
    log.replaceChildren(...nodes);
    if (atBottom || forceBottom) log.scrollTop = log.scrollHeight;
  }

  // ---- what the bot sent to everyone else ----

  function feedCard(item) {
    const person = item.personId === null ? null : state.byId.get(item.personId);
    const card = el("div", "card");
    const who = person ? person.nama : item.personName || "(tanpa penerima)";
    card.append(el("span", "to", `Untuk: ${who}`));
    const meta = el("span", "meta", `${[person ? personLine(person) : item.peranLabel, item.channel || "belum ada chat", time(item.createdAt)]
      .filter(Boolean).join(" · ")} `);
    meta.append(statusBadge(item));
    card.append(meta);
    if (item.photoId) card.append(photo(item.photoId));
    const text = el("div", "text");
    appendRichText(text, item.text);
    card.append(text);
    if (item.buttons.length) {
      const buttons = el("div", "buttons");
      for (const b of item.buttons) buttons.append(el("span", "chip", b.label));
      card.append(buttons);
    }
    if (person) {
      card.tabIndex = 0;
      card.setAttribute("role", "button");
      card.title = `Beralih ke ${person.nama}`;
      card.addEventListener("click", () => select(person.id));
      card.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          select(person.id);
        }
      });
    } else {
      card.classList.add("unassigned");
    }
    return card;
  }

  function renderFeed() {
    const others = [...state.items.values()]
      .filter((item) => !inChat(item, state.current))
      .sort((a, b) => b.id - a.id)
      .slice(0, FEED_SHOWN);
    const nodes = others.map(feedCard);
    if (nodes.length === 0) nodes.push(el("p", "hint", "Belum ada pesan ke orang lain."));
    $("feed").replaceChildren(...nodes);
  }

  function render(forceBottom) {
    if (!state.dirty && !forceBottom) return;
    state.dirty = false;
    renderChat(forceBottom);
    renderFeed();
  }

  // ---- polling the outbox ----

  function upsert(item) {
    const known = state.items.get(item.id);
    if (!known || known.status !== item.status || known.channel !== item.channel || known.personId !== item.personId
        || known.sealed !== item.sealed) {
      state.items.set(item.id, item);
      state.dirty = true;
    }
    if (item.id > state.cursor) state.cursor = item.id;
  }

  async function readFrom(after) {
    for (let page = 0; page < 20; page++) {
      const viewer = state.current ? `&viewer=${state.current.id}` : "";
      const response = await fetch(`${API}/feed?after=${after}${viewer}`);
      if (!response.ok) throw new Error(`feed ${response.status}`);
      const feed = await response.json();
      feed.items.forEach(upsert);
      if (!feed.more || feed.items.length === 0) return;
      after = feed.items[feed.items.length - 1].id;
    }
  }

  // A confidential message is readable only by its recipient: when the tester becomes someone else, every one of them
  // is dropped and read again as the new person may see it (sealed unless it is theirs).
  function rereadConfidential() {
    const confidential = [...state.items.values()].filter((item) => item.confidential).map((item) => item.id);
    if (confidential.length === 0) return;
    confidential.forEach((id) => state.items.delete(id));
    state.dirty = true;
    readFrom(Math.min(...confidential) - 1).then(() => render(), () => {});
  }

  async function poll() {
    try {
      const moving = [...state.items.values()]
        .filter((item) => UNSETTLED.has(item.status) && item.id > state.cursor - REFRESH_WINDOW)
        .map((item) => item.id);
      if (moving.length) await readFrom(Math.min(...moving) - 1);
      await readFrom(state.cursor);
      if ($("status").dataset.offline) {
        delete $("status").dataset.offline;
        setStatus("");
      }
      render();
    } catch {
      $("status").dataset.offline = "1";
      setStatus("Tidak dapat menghubungi server. Mencoba lagi…", true);
    } finally {
      setTimeout(poll, POLL_MS);
    }
  }

  // ---- sending as the chosen person (one post at a time, in order) ----

  async function post(path, init) {
    const response = await fetch(`${API}/${path}`, { method: "POST", ...init });
    let body = null;
    try {
      body = await response.json();
    } catch {
      // An empty or non-JSON answer falls through to the generic message below.
    }
    if (!response.ok) throw new Error((body && body.error) || `Gagal mengirim (kode ${response.status}).`);
    return body || {};
  }

  function enqueue(personId, work) {
    state.sending = state.sending.then(async () => {
      const anchor = state.cursor;
      try {
        const echo = await work();
        setStatus("");
        addEcho(personId, anchor, echo);
        await readFrom(state.cursor);
        render();
      } catch (error) {
        setStatus(error.message, true);
      }
    });
    return state.sending;
  }

  function send(fields, echo) {
    const person = state.current;
    if (!person) return Promise.resolve();
    return enqueue(person.id, async () => {
      await post("message", {
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ personId: person.id, channel: $("channel-select").value, ...fields }),
      });
      return echo;
    });
  }

  function sendPhoto(file) {
    const person = state.current;
    if (!person || !file) return;
    if (file.size > MAX_PHOTO_BYTES) {
      setStatus("Foto terlalu besar (maksimal 10 MB).", true);
      return;
    }
    enqueue(person.id, async () => {
      const form = new FormData();
      form.append("personId", String(person.id));
      form.append("channel", $("channel-select").value);
      form.append("file", file);
      const accepted = await post("photo", { body: form });
      return { kind: "photo", mediaId: accepted.mediaId };
    });
  }

  function openLocation() {
    const panel = $("location-panel");
    panel.hidden = false;
    if (!$("latitude").value) $("latitude").value = DEMO_POINT.latitude;
    if (!$("longitude").value) $("longitude").value = DEMO_POINT.longitude;
    $("latitude").focus();
  }

  // ---- wiring ----

  $("people-filter").addEventListener("input", renderPeople);

  $("composer").addEventListener("submit", (event) => {
    event.preventDefault();
    const input = $("text-input");
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send({ text }, { kind: "text", text });
  });

  $("photo-input").addEventListener("change", (event) => {
    sendPhoto(event.target.files[0]);
    event.target.value = "";
  });

  $("location-button").addEventListener("click", openLocation);
  $("location-cancel").addEventListener("click", () => { $("location-panel").hidden = true; });
  $("location-demo").addEventListener("click", () => {
    $("latitude").value = DEMO_POINT.latitude;
    $("longitude").value = DEMO_POINT.longitude;
  });
  $("location-panel").addEventListener("submit", (event) => {
    event.preventDefault();
    const latitude = Number($("latitude").value);
    const longitude = Number($("longitude").value);
    $("location-panel").hidden = true;
    send({ location: { latitude, longitude } }, { kind: "location", text: `📍 ${latitude}, ${longitude}` });
  });

  render(true);
  loadPeople()
    .catch(() => setStatus("Daftar orang tidak dapat dimuat. Muat ulang halaman.", true))
    .finally(poll);
})();
