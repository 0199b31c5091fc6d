// ceir: an import's page follows the import live (server-sent events from /console/imports/runs/ID/events).
// Without JavaScript the page still shows where the import was when loaded, and a link to reload it.
(function () {
    'use strict';
    document.addEventListener('DOMContentLoaded', function () {
        var live = document.getElementById('import-live');
        if (!live || typeof EventSource === 'undefined') {
            return;
        }
        var texts = JSON.parse(document.getElementById('import-texts').textContent);
        var state = document.getElementById('import-state');
        var phase = document.getElementById('import-phase');
        var rows = document.getElementById('import-rows');
        var progress = document.getElementById('import-progress');
        var read = document.getElementById('import-read');
        var result = document.getElementById('import-result');
        var summary = document.getElementById('import-summary');
        var report = document.getElementById('import-report');
        var refresh = document.getElementById('import-refresh');
        var format = new Intl.NumberFormat(document.documentElement.lang);
        function size(bytes) {
            var units = ['B', 'KB', 'MB', 'GB', 'TB'];
            var unit = 0;
            while (bytes >= 1024 && unit < units.length - 1) {
                bytes /= 1024;
                unit++;
            }
            return (unit === 0 ? bytes : bytes.toFixed(1)) + ' ' + units[unit];
        }
        function show(data) {
            var stateText = texts['state.' + data.state] || data.state;
            if (state.textContent !== stateText) {
                state.textContent = stateText; // a live region: read out on each change of state only
            }
            phase.textContent = data.phase ? (texts['phase.' + data.phase] || data.phase) : '—';
            rows.textContent = format.format(data.rows);
            progress.value = data.percent;
            progress.textContent = data.percent + '%';
            read.textContent = texts.read.replace('{read}', size(data.bytesRead)).replace('{total}', size(data.bytes))
                .replace('{percent}', data.percent);
        }
        var source = new EventSource(live.getAttribute('data-events'));
        refresh.hidden = true;
        source.addEventListener('progress', function (event) {
            show(JSON.parse(event.data));
        });
        source.addEventListener('done', function (event) {
            var data = JSON.parse(event.data);
            show(data);
            source.close();
            summary.textContent = data.summary;
            if (data.jobId > 0) {
                report.href = '/console/imports/' + data.jobId;
            } else {
                report.hidden = true;
            }
            result.hidden = false;
            live.setAttribute('data-done', data.state);
        });
        source.addEventListener('gone', function () {
            source.close();
            refresh.hidden = false;
        });
        source.onerror = function () {
            if (source.readyState === EventSource.CLOSED) {
                refresh.hidden = false;
            }
        };
    });
}());
