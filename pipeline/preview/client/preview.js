// The preview page's script: follows the server's build events, reloads the
// panes after each good build, and shows a repair's spot in the page on click.
const page = document.getElementById('page');
const pdf = document.getElementById('pdf');
const panel = document.getElementById('repairs');
// What the panes show: the versions the page was served with. A build that ends before the first
// event (the page served while it ran) is then reloaded too, not taken for what the panes show.
const served = document.documentElement.dataset;
let shown = { version: -1, pageVersion: Number(served.pageVersion), pdfVersion: Number(served.pdfVersion) };
let selected = null;

function setText(id, text) {
  document.getElementById(id).textContent = text;
}

function update(state) {
  const status = state.error ? 'build failed: showing the last good build' : state.printing ? 'printing the PDF…' : state.building ? 'building…' : 'up to date';
  setText('status', status);
  const error = document.getElementById('error');
  error.hidden = !state.error;
  error.querySelector('pre').textContent = state.error || '';
  if (state.version === shown.version) return;
  if (state.title) {
    setText('title', state.title);
    document.title = `${state.title} · galley preview`;
  }
  if (state.source) setText('source', state.source);
  pdf.hidden = !state.pdf;
  document.getElementById('no-pdf').hidden = state.pdf || state.printing;
  if (state.version > 0) {
    loadPanel();
    // The fonts cover the characters of this build's page and panel.
    document.querySelector('link[href^="/fonts.css"]').href = `/fonts.css?v=${state.version}`;
  }
  // The panes show the versions they were loaded with; any other build reloads them.
  if (state.pageVersion !== shown.pageVersion) reloadPage();
  if (state.pdfVersion !== shown.pdfVersion && state.pdf) pdf.src = `/print.pdf?v=${state.pdfVersion}`;
  shown = state;
}

async function loadPanel() {
  const response = await fetch('/panel.html', { cache: 'no-store' });
  if (response.ok) panel.innerHTML = await response.text();
  if (selected !== null) panel.querySelector(`li[data-repair="${selected}"]`)?.classList.add('selected');
}

// Reloads the page where the reader was, and shows the selected repair again.
function reloadPage() {
  const y = page.contentWindow ? page.contentWindow.scrollY : 0;
  page.addEventListener('load', () => {
    page.contentWindow.scrollTo(0, y);
    if (selected !== null) highlight(selected, false);
  }, { once: true });
  page.contentWindow.location.replace('/page.html');
}

function highlight(id, scroll) {
  const doc = page.contentDocument;
  if (!doc) return;
  for (const mark of doc.querySelectorAll('.galley-active')) mark.classList.remove('galley-active');
  const marks = doc.querySelectorAll(`mark[data-repairs~="${id}"]`);
  for (const mark of marks) mark.classList.add('galley-active');
  if (scroll && marks[0]) marks[0].scrollIntoView({ block: 'center' });
}

panel.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-repair]');
  if (!link) return;
  event.preventDefault();
  selected = link.dataset.repair;
  for (const item of panel.querySelectorAll('li.selected')) item.classList.remove('selected');
  link.closest('li').classList.add('selected');
  highlight(selected, true);
});

new EventSource('/events').onmessage = (event) => update(JSON.parse(event.data));
