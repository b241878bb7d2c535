'use strict';
// Every text from the server is data: it goes in with textContent, never as markup.
(function () {
  const NAME_KEY = 'interfeedback.annotator';
  const $ = (id) => document.getElementById(id);
  let annotator = new URLSearchParams(location.search).get('annotator') || localStorage.getItem(NAME_KEY);
  let shown = null;       // the id of the task on screen
  let draftTimer = null;

  function post(path, body) {
    return fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-InterFeedback': '1' },
      body: JSON.stringify(body)
    }).then((r) => r.json().then((json) => {
      if (!r.ok) throw new Error(json.error || ('HTTP ' + r.status));
      return json;
    }));
  }

  function status(state) {
    const parts = [state.waiting + ' waiting for feedback'];
    if (state.withOthers > 0) parts.push(state.withOthers + ' with other annotators');
    parts.push(state.answering + ' being answered by the model');
    parts.push(state.given + ' feedback texts given');
    $('status').textContent = annotator + ': ' + parts.join(' · ');
  }

  function render(task) {
    shown = task.id;
    $('guidance').textContent = task.guidance;
    $('sample').textContent = task.sampleId + ' [' + task.category + '], round ' + task.round + ' of ' + task.maxRounds;
    $('question').textContent = task.question;
    const images = $('images');
    images.replaceChildren();
    for (let i = 0; i < task.images; i++) {
      const img = document.createElement('img');
      img.src = 'api/image?task=' + encodeURIComponent(task.id) + '&i=' + i;
      img.alt = 'image ' + (i + 1) + ' of the question';
      images.appendChild(img);
    }
    const options = $('options');
    options.replaceChildren();
    for (const option of task.options) {
      const li = document.createElement('li');
      li.textContent = option.text;
      options.appendChild(li);
    }
    const history = $('history');
    history.replaceChildren();
    let round = 0;
    for (const turn of task.history) {
      const div = document.createElement('div');
      div.className = 'turn ' + turn.role;
      const who = document.createElement('span');
      who.className = 'who';
      who.textContent = turn.role === 'answer' ? task.receiver + ', round ' + (round++) : 'feedback';
      div.appendChild(who);
      div.appendChild(document.createTextNode(turn.text));
      history.appendChild(div);
    }
    $('truth').textContent = task.groundTruth;
    $('receiver').textContent = task.receiver;
    $('feedback').value = task.text;
    $('saved').textContent = '';
    $('submit').disabled = false;
    $('idle').hidden = true;
    $('task').hidden = false;
    $('feedback').focus();
  }

  function idle(state) {
    shown = null;
    $('task').hidden = true;
    $('idle').hidden = false;
    $('idle').textContent = state.answering > 0
      ? 'Nothing to annotate yet: the model is answering. The next task appears here by itself.'
      : 'Nothing to annotate right now. The next task appears here by itself; the session ends when the run is done.';
  }

  function load() {
    return fetch('api/state?annotator=' + encodeURIComponent(annotator))
      .then((r) => r.json().then((json) => { if (!r.ok) throw new Error(json.error); return json; }))
      .then((state) => {
        status(state);
        if (!state.task) idle(state);
        else if (state.task.id !== shown) render(state.task);
      })
      .catch((e) => {
        $('status').textContent = 'The session is not answering (' + e.message + '): it has ended, or is being'
          + ' restarted. Every submitted feedback and your draft are saved.';
      });
  }

  function saveDraft() {
    if (!shown) return;
    const task = shown;
    post('api/draft', { task: task, annotator: annotator, text: $('feedback').value })
      .then(() => { if (shown === task) $('saved').textContent = 'draft saved'; })
      .catch((e) => { $('saved').textContent = 'draft not saved: ' + e.message; });
  }

  // Asked again soon while there is nothing to do, so a task shows as it arrives; less often while typing.
  function poll() {
    load().then(() => setTimeout(poll, shown ? 1000 : 250));
  }

  function start() {
    $('login').hidden = true;
    poll();
  }

  $('feedback').addEventListener('input', () => {
    $('saved').textContent = '';
    clearTimeout(draftTimer);
    draftTimer = setTimeout(saveDraft, 300);
  });

  $('feedback-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = $('feedback').value;
    if (!shown || text.trim() === '') { $('saved').textContent = 'write some feedback first'; return; }
    clearTimeout(draftTimer);
    $('submit').disabled = true;
    post('api/submit', { task: shown, annotator: annotator, text: text })
      .then(() => { shown = null; return load(); })
      .catch((e) => { $('submit').disabled = false; $('saved').textContent = 'not submitted: ' + e.message; });
  });

  $('login-form').addEventListener('submit', (event) => {
    event.preventDefault();
    annotator = $('name').value.trim();
    if (!annotator) return;
    localStorage.setItem(NAME_KEY, annotator);
    start();
  });

  if (annotator) start(); else { $('login').hidden = false; $('status').textContent = 'Give your name to start.'; }
}());
