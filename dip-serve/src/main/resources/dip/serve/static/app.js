// dip serve: the runs list, the new-run form with its mask painter, a run's live page and the
// comparison of runs. Plain JavaScript and canvas; everything comes from this server's /api.
'use strict';

const main = document.getElementById('main');
let leave = () => {};  // closes the current page's event stream

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v !== null && v !== undefined && v !== false) e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c !== null && c !== undefined) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

async function api(path, options) {
  const r = await fetch('/api' + path, options);
  const body = await r.json().catch(() => ({error: r.statusText}));
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

const fileUrl = (id, name) => '/api/runs/' + encodeURIComponent(id) + '/files/' + name;
const fmt = v => (v === null || v === undefined) ? '' : (typeof v === 'number' ? v.toFixed(3) : String(v));

function route() {
  leave();
  leave = () => {};
  main.replaceChildren();
  const hash = location.hash || '#/';
  if (hash.startsWith('#/new')) newRunPage();
  else if (hash.startsWith('#/run/')) runPage(decodeURIComponent(hash.slice(6)));
  else if (hash.startsWith('#/compare')) comparePage(hash.slice(10).split(',').filter(Boolean).map(decodeURIComponent));
  else runsPage();
}
window.addEventListener('hashchange', route);

// ---- runs ----------------------------------------------------------------------------------

async function runsPage() {
  main.append(el('h2', {}, 'Runs'));
  const error = el('p', {class: 'error'});
  main.append(error);
  let runs;
  try { runs = (await api('/runs')).runs; } catch (e) { error.textContent = e.message; return; }
  if (!runs.length) {
    main.append(el('p', {class: 'muted'}, 'No runs yet. ', el('a', {href: '#/new'}, 'Start one.')));
    return;
  }
  const metricNames = [...new Set(runs.flatMap(r => Object.keys(r.metrics || {})))];
  const table = el('table', {id: 'runs'},
    el('tr', {}, el('th'), el('th'), el('th', {}, 'run'), el('th', {}, 'task'), el('th', {}, 'status'),
      el('th', {}, 'iterations'), metricNames.map(m => el('th', {}, m))));
  for (const r of runs) {
    const thumb = el('img', {class: 'thumb', alt: '', src: fileUrl(r.id, 'result.png')});
    thumb.addEventListener('error', () => thumb.style.visibility = 'hidden');
    table.append(el('tr', {'data-id': r.id},
      el('td', {}, el('input', {type: 'checkbox', value: r.id, class: 'pick'})),
      el('td', {}, thumb),
      el('td', {}, el('a', {href: '#/run/' + encodeURIComponent(r.id)}, r.id)),
      el('td', {}, r.task),
      el('td', {class: 'status-' + r.status}, r.status),
      el('td', {class: 'num'}, r.iteration + ' / ' + r.iterations),
      metricNames.map(m => el('td', {class: 'num'}, fmt((r.metrics || {})[m])))));
  }
  main.append(table, el('p', {}, el('button', {id: 'compare-picked', onclick: () => {
    const ids = [...document.querySelectorAll('input.pick:checked')].map(c => encodeURIComponent(c.value));
    location.hash = '#/compare/' + ids.join(',');
  }}, 'Compare selected')));
}

// ---- new run and the mask painter ----------------------------------------------------------

const FILES = {
  denoise: ['image'], sr: ['image'], inpaint: ['image', 'mask'], blend: ['fg', 'bg', 'mask'],
};

async function newRunPage() {
  main.append(el('h2', {}, 'New run'));
  let tasks = ['denoise', 'sr', 'inpaint', 'blend'];
  try { tasks = (await api('/tasks')).tasks; } catch (e) { /* the built-in list */ }
  const task = el('select', {name: 'task', id: 'task'}, tasks.map(t => el('option', {value: t}, t)));
  const preset = el('select', {name: 'preset', id: 'preset'}, el('option', {value: 'fast'}, 'fast'),
    el('option', {value: 'paper'}, 'paper'));
  const iterations = el('input', {name: 'iterations', id: 'iterations', type: 'number', min: 1,
    placeholder: 'the preset\'s'});
  const seed = el('input', {name: 'seed', id: 'seed', type: 'number', placeholder: 'the preset\'s'});
  const sets = el('textarea', {name: 'set', id: 'set',
    placeholder: 'key = value, one a line, e.g.\ndip.tasks.inpaint.crop-size = 128'});
  const inputs = {};
  for (const f of ['image', 'fg', 'bg', 'mask']) {
    inputs[f] = el('input', {type: 'file', name: f, id: 'file-' + f, accept: 'image/*'});
  }
  const error = el('p', {class: 'error', id: 'form-error'});
  const painter = maskPainter();
  const rows = {};
  const form = el('form', {class: 'new', id: 'new-run'},
    el('label', {for: 'task'}, 'task'), task,
    el('label', {for: 'preset'}, 'preset'), preset,
    el('label', {for: 'iterations'}, 'iterations'), iterations,
    el('label', {for: 'seed'}, 'seed'), seed);
  for (const [f, label] of [['image', 'image'], ['fg', 'foreground'], ['bg', 'background'], ['mask', 'mask file']]) {
    rows[f] = [el('label', {for: 'file-' + f}, label), inputs[f]];
    form.append(...rows[f]);
  }
  form.append(painter.node, el('label', {for: 'set'}, 'settings'), sets,
    el('span'), el('div', {}, el('button', {type: 'submit', id: 'start'}, 'Start run')), el('span'), error);
  main.append(form);

  const base = () => task.value === 'blend' ? inputs.fg : inputs.image;
  function showFields() {
    const wanted = FILES[task.value] || ['image'];
    for (const [f, r] of Object.entries(rows)) r.forEach(n => n.hidden = !wanted.includes(f));
    painter.node.hidden = !wanted.includes('mask');
    painter.load(base().files[0]);
  }
  task.addEventListener('change', showFields);
  inputs.image.addEventListener('change', () => painter.load(base().files[0]));
  inputs.fg.addEventListener('change', () => painter.load(base().files[0]));
  inputs.mask.addEventListener('change', () => painter.loadMask(inputs.mask.files[0]));
  showFields();

  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    error.textContent = '';
    const data = new FormData();
    data.append('task', task.value);
    data.append('preset', preset.value);
    if (iterations.value) data.append('iterations', iterations.value);
    if (seed.value) data.append('seed', seed.value);
    if (sets.value.trim()) data.append('set', sets.value);
    const wanted = FILES[task.value] || ['image'];
    for (const f of wanted) {
      if (f === 'mask' && painter.painted()) data.append('mask', await painter.maskBlob(), 'painted-mask.png');
      else if (inputs[f].files[0]) data.append(f, inputs[f].files[0]);
    }
    try {
      const r = await api('/runs', {method: 'POST', body: data});
      location.hash = '#/run/' + encodeURIComponent(r.id);
    } catch (e) {
      error.textContent = e.message;
    }
  });
}

/** The mask painter: red strokes over the image are the pixels to fill (black in the mask file). */
function maskPainter() {
  const image = el('canvas', {id: 'mask-image', width: 256, height: 256});
  const overlay = el('canvas', {class: 'overlay', id: 'mask-canvas', width: 256, height: 256});
  const size = el('input', {type: 'range', id: 'brush-size', min: 1, max: 64, value: 12});
  const sizeLabel = el('span', {}, '12 px');
  const brush = el('button', {type: 'button', id: 'tool-brush', class: 'active'}, 'Brush');
  const eraser = el('button', {type: 'button', id: 'tool-eraser'}, 'Eraser');
  const undo = el('button', {type: 'button', id: 'tool-undo'}, 'Undo');
  const clear = el('button', {type: 'button', id: 'tool-clear'}, 'Clear');
  const note = el('span', {class: 'muted'}, 'Paint the pixels the network should fill.');
  const node = el('div', {class: 'painter', id: 'painter'},
    el('div', {class: 'tools'}, brush, eraser, 'size', size, sizeLabel, undo, clear, note),
    el('div', {class: 'stage'}, image, overlay));
  const ctx = overlay.getContext('2d');
  const history = [];
  let erasing = false;
  let last = null;
  let strokes = 0;

  size.addEventListener('input', () => sizeLabel.textContent = size.value + ' px');
  brush.addEventListener('click', () => { erasing = false; brush.classList.add('active'); eraser.classList.remove('active'); });
  eraser.addEventListener('click', () => { erasing = true; eraser.classList.add('active'); brush.classList.remove('active'); });
  undo.addEventListener('click', () => { if (history.length) { ctx.putImageData(history.pop(), 0, 0); strokes--; } });
  clear.addEventListener('click', () => { remember(); ctx.clearRect(0, 0, overlay.width, overlay.height); strokes++; });

  function remember() {
    history.push(ctx.getImageData(0, 0, overlay.width, overlay.height));
    if (history.length > 30) history.shift();
  }
  function at(ev) {
    const r = overlay.getBoundingClientRect();
    return [(ev.clientX - r.left) * overlay.width / r.width, (ev.clientY - r.top) * overlay.height / r.height];
  }
  function stroke(from, to) {
    ctx.globalCompositeOperation = erasing ? 'destination-out' : 'source-over';
    ctx.strokeStyle = ctx.fillStyle = 'rgba(229, 57, 53, 1)';
    ctx.lineWidth = Number(size.value);
    ctx.lineCap = 'round';
    ctx.beginPath();
    ctx.moveTo(from[0], from[1]);
    ctx.lineTo(to[0] + 0.01, to[1]);
    ctx.stroke();
  }
  overlay.addEventListener('pointerdown', ev => {
    remember();
    strokes++;
    overlay.setPointerCapture(ev.pointerId);
    last = at(ev);
    stroke(last, last);
  });
  overlay.addEventListener('pointermove', ev => {
    if (!last) return;
    const p = at(ev);
    stroke(last, p);
    last = p;
  });
  const end = () => { last = null; };
  overlay.addEventListener('pointerup', end);
  overlay.addEventListener('pointercancel', end);

  function resize(w, h) {
    for (const c of [image, overlay]) { c.width = w; c.height = h; }
    const scale = Math.max(1, Math.floor(384 / Math.max(w, h)));
    for (const c of [image, overlay]) { c.style.width = w * scale + 'px'; c.style.height = h * scale + 'px'; }
    history.length = 0;
    strokes = 0;
  }
  async function bitmap(file) {
    return createImageBitmap(file);
  }
  return {
    node,
    painted: () => strokes > 0,
    async load(file) {
      if (!file) return;
      try {
        const b = await bitmap(file);
        resize(b.width, b.height);
        image.getContext('2d').drawImage(b, 0, 0);
      } catch (e) { /* the server names a file it cannot read */ }
    },
    async loadMask(file) {
      if (!file) return;
      try {
        const b = await bitmap(file);
        if (b.width !== overlay.width || b.height !== overlay.height) resize(b.width, b.height);
        const t = el('canvas', {width: b.width, height: b.height}).getContext('2d');
        t.drawImage(b, 0, 0);
        const src = t.getImageData(0, 0, b.width, b.height).data;
        remember();
        const out = ctx.createImageData(b.width, b.height);
        for (let i = 0; i < src.length; i += 4) {
          const luma = (src[i] * 299 + src[i + 1] * 587 + src[i + 2] * 114) / 1000;
          if (luma <= 127) out.data.set([229, 57, 53, 255], i);
        }
        ctx.putImageData(out, 0, 0);
        strokes++;
      } catch (e) { /* as above */ }
    },
    /** The mask as a PNG: white where known, black where painted. */
    maskBlob() {
      const w = overlay.width, h = overlay.height;
      const painted = ctx.getImageData(0, 0, w, h).data;
      const m = el('canvas', {width: w, height: h});
      const mctx = m.getContext('2d');
      const out = mctx.createImageData(w, h);
      for (let i = 0; i < painted.length; i += 4) {
        const v = painted[i + 3] > 0 ? 0 : 255;
        out.data.set([v, v, v, 255], i);
      }
      mctx.putImageData(out, 0, 0);
      return new Promise(resolve => m.toBlob(resolve, 'image/png'));
    },
  };
}

// ---- one run -------------------------------------------------------------------------------

async function runPage(id) {
  const title = el('h2', {}, id);
  const status = el('span', {id: 'run-status'});
  const bar = el('progress', {id: 'run-progress', max: 1, value: 0});
  const count = el('span', {id: 'run-iteration', class: 'muted'});
  const error = el('p', {class: 'error', id: 'run-error'});
  const stop = el('button', {id: 'run-stop', onclick: () => api('/runs/' + encodeURIComponent(id) + '/stop',
    {method: 'POST'}).catch(e => error.textContent = e.message)}, 'Stop');
  const resume = el('button', {id: 'run-resume', onclick: async () => {
    try { await api('/runs/' + encodeURIComponent(id) + '/resume', {method: 'POST'}); route(); }
    catch (e) { error.textContent = e.message; }
  }}, 'Resume');
  const curve = el('canvas', {class: 'curve', id: 'curve', width: 520, height: 300, 'data-points': 0,
    'data-live-draws': 0});
  const latest = el('img', {id: 'run-image', alt: 'latest output'});
  const latestCaption = el('figcaption', {class: 'muted'}, 'latest output');
  const details = el('div', {id: 'run-details'});
  main.append(title, el('p', {}, status, ' ', bar, ' ', count, ' ', stop, ' ', resume), error,
    el('div', {class: 'run-grid'}, el('figure', {}, curve, el('figcaption', {class: 'muted'}, 'metrics over iterations')),
      el('figure', {}, latest, latestCaption)), details);
  latest.hidden = true;

  const points = [];
  let current = '';
  function showState(s) {
    current = s.status;
    status.textContent = s.status;
    status.className = 'status-' + s.status;
    bar.max = Math.max(1, s.iterations);
    bar.value = s.iteration;
    count.textContent = s.iteration + ' / ' + s.iterations;
    error.textContent = s.error || '';
    stop.hidden = !(s.status === 'queued' || s.status === 'running');
    resume.hidden = !s.resumable;
    if (s.image) showImage(s.image, s.status === 'done' ? 'result' : 'latest output');
  }
  function showImage(file, caption) {
    latest.src = fileUrl(id, file) + '?t=' + Date.now();
    latest.hidden = false;
    latest.dataset.file = file;
    latestCaption.textContent = caption + ' (' + file + ')';
  }
  const source = new EventSource('/api/runs/' + encodeURIComponent(id) + '/events');
  leave = () => source.close();
  source.addEventListener('state', ev => {
    const s = JSON.parse(ev.data);
    showState(s);
    if (s.status === 'done' || s.status === 'stopped' || s.status === 'failed') finished(s);
  });
  source.addEventListener('progress', ev => {
    const p = JSON.parse(ev.data);
    bar.max = Math.max(1, p.iterations);
    bar.value = p.iteration;
    count.textContent = p.iteration + ' / ' + p.iterations;
  });
  source.addEventListener('logged', ev => {
    points.push(JSON.parse(ev.data));
    drawCurve(curve, points);
    if (current === 'running') curve.dataset.liveDraws = Number(curve.dataset.liveDraws) + 1;
  });
  source.addEventListener('snapshot', ev => showImage(JSON.parse(ev.data).file, 'iteration ' + JSON.parse(ev.data).iteration));
  source.addEventListener('end', () => source.close());

  async function finished(s) {
    details.replaceChildren();
    let info;
    try { info = await api('/runs/' + encodeURIComponent(id)); } catch (e) { return; }
    const files = info.files || [];
    if (files.includes('result.png')) showImage('result.png', 'result');
    const figures = ['comparison.png', 'masked.png', 'noisy.png', 'lr.png', 'ground_truth.png', 'result.png']
      .filter(f => files.includes(f));
    const table = el('table', {id: 'run-metrics'}, el('tr', {}, el('th', {}, 'metric'), el('th', {}, 'final')),
      Object.entries(s.metrics || {}).map(([k, v]) => el('tr', {}, el('td', {}, k), el('td', {class: 'num'}, fmt(v)))));
    details.append(
      el('h3', {}, 'Results'),
      el('div', {class: 'run-grid'}, figures.map(f => el('figure', {}, el('img', {src: fileUrl(id, f)}),
        el('figcaption', {class: 'muted'}, f)))),
      table,
      el('p', {id: 'downloads'}, 'Downloads: ', ['result.png', 'result_smoothed.png', 'run.conf', 'metrics.csv',
        'summary.json', 'checkpoint.zip'].filter(f => files.includes(f))
        .map(f => [el('a', {href: fileUrl(id, f), download: id + '-' + f}, f), ' '])));
  }
}

const COLOURS = ['#1565c0', '#c62828', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#5d4037'];

/** Each metric as a line over iterations, on a shared axis, with a legend. */
function drawCurve(canvas, points) {
  const ctx = canvas.getContext('2d');
  const w = canvas.width, h = canvas.height, left = 48, bottom = 28, top = 28, right = 10;
  ctx.clearRect(0, 0, w, h);
  canvas.dataset.points = points.length;
  const names = [...new Set(points.flatMap(p => Object.keys(p.metrics)))];
  const values = points.flatMap(p => names.map(n => p.metrics[n])).filter(v => typeof v === 'number');
  if (!values.length) return;
  let lo = Math.min(...values), hi = Math.max(...values);
  if (hi - lo < 1e-9) { lo -= 1; hi += 1; }
  const maxIt = Math.max(1, ...points.map(p => p.iteration));
  const x = it => left + (w - left - right) * it / maxIt;
  const y = v => h - bottom - (h - bottom - top) * (v - lo) / (hi - lo);
  ctx.strokeStyle = '#999';
  ctx.fillStyle = '#555';
  ctx.font = '11px sans-serif';
  ctx.beginPath();
  ctx.moveTo(left, top); ctx.lineTo(left, h - bottom); ctx.lineTo(w - right, h - bottom);
  ctx.stroke();
  ctx.fillText(hi.toFixed(2), 2, top + 4);
  ctx.fillText(lo.toFixed(2), 2, h - bottom);
  ctx.fillText('0', left, h - bottom + 14);
  ctx.fillText(String(maxIt), w - right - 24, h - bottom + 14);
  names.forEach((n, i) => {
    ctx.strokeStyle = ctx.fillStyle = COLOURS[i % COLOURS.length];
    ctx.fillText(n, left + 8 + i * 90, 14);
    ctx.beginPath();
    let started = false;
    for (const p of points) {
      const v = p.metrics[n];
      if (typeof v !== 'number') continue;
      if (started) ctx.lineTo(x(p.iteration), y(v)); else ctx.moveTo(x(p.iteration), y(v));
      started = true;
      ctx.fillRect(x(p.iteration) - 1.5, y(v) - 1.5, 3, 3);
    }
    ctx.stroke();
  });
}

// ---- compare -------------------------------------------------------------------------------

async function comparePage(ids) {
  main.append(el('h2', {}, 'Compare'));
  if (ids.length < 2) {
    main.append(el('p', {class: 'muted'}, 'Tick two or more runs in the ', el('a', {href: '#/'}, 'runs list'),
      ' and press "Compare selected".'));
    return;
  }
  const runs = [];
  for (const id of ids) {
    try { runs.push(await api('/runs/' + encodeURIComponent(id))); }
    catch (e) { main.append(el('p', {class: 'error'}, id + ': ' + e.message)); }
  }
  const view = {scale: 1, x: 0, y: 0};
  const panels = [];
  const row = el('div', {class: 'compare', id: 'compare'});
  main.append(el('p', {class: 'muted'}, 'Wheel to zoom, drag to pan; all images follow.'), row);
  for (const r of runs) {
    const canvas = el('canvas', {width: 320, height: 320, 'data-id': r.id});
    const img = new Image();
    img.onload = () => draw();
    img.src = fileUrl(r.id, 'result.png');
    panels.push({canvas, img});
    row.append(el('figure', {}, canvas, el('figcaption', {}, el('a', {href: '#/run/' + encodeURIComponent(r.id)}, r.id),
      ' ', el('span', {class: 'muted'}, r.task + ', ' + r.status))));
    let drag = null;
    canvas.addEventListener('wheel', ev => {
      ev.preventDefault();
      const f = ev.deltaY < 0 ? 1.25 : 0.8;
      const rect = canvas.getBoundingClientRect();
      const cx = ev.clientX - rect.left, cy = ev.clientY - rect.top;
      view.x = cx - (cx - view.x) * f;
      view.y = cy - (cy - view.y) * f;
      view.scale *= f;
      draw();
    });
    canvas.addEventListener('pointerdown', ev => { drag = [ev.clientX, ev.clientY]; canvas.setPointerCapture(ev.pointerId); });
    canvas.addEventListener('pointermove', ev => {
      if (!drag) return;
      view.x += ev.clientX - drag[0];
      view.y += ev.clientY - drag[1];
      drag = [ev.clientX, ev.clientY];
      draw();
    });
    canvas.addEventListener('pointerup', () => drag = null);
  }
  function draw() {
    for (const {canvas, img} of panels) {
      const ctx = canvas.getContext('2d');
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      if (!img.naturalWidth) continue;
      const fit = Math.min(canvas.width / img.naturalWidth, canvas.height / img.naturalHeight);
      ctx.imageSmoothingEnabled = view.scale * fit < 2;
      ctx.setTransform(view.scale * fit, 0, 0, view.scale * fit, view.x, view.y);
      ctx.drawImage(img, 0, 0);
    }
  }
  const names = [...new Set(runs.flatMap(r => Object.keys(r.metrics || {})))];
  main.append(el('table', {id: 'compare-metrics'},
    el('tr', {}, el('th', {}, 'metric'), runs.map(r => el('th', {}, r.id))),
    el('tr', {}, el('td', {}, 'iterations'), runs.map(r => el('td', {class: 'num'}, r.iteration + ' / ' + r.iterations))),
    names.map(n => el('tr', {}, el('td', {}, n), runs.map(r => el('td', {class: 'num'}, fmt((r.metrics || {})[n])))))));
}

route();
