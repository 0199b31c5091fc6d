// ceir charts: draws every element with data-chart (an ECharts option as JSON) once ECharts is
// loaded. Pages opt in through Page.withCharts(); the dashboard and the IMEI timeline use it.
(function () {
    'use strict';
    function draw() {
        if (typeof echarts === 'undefined') {
            return;
        }
        document.querySelectorAll('[data-chart]').forEach(function (element) {
            var chart = echarts.init(element, null, {renderer: 'svg'});
            chart.setOption(JSON.parse(element.getAttribute('data-chart')));
            window.addEventListener('resize', function () { chart.resize(); });
        });
    }
    document.addEventListener('DOMContentLoaded', draw);
}());
