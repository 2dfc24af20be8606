/* The report's requests and 502.3 per minute (echarts-api). A separate file: CSP forbids inline script;
   the data comes from the element's data attributes, written escaped by the view. */
document.addEventListener('DOMContentLoaded', function () {
  var element = document.getElementById('arr502-minutes');
  if (!element || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(element.getAttribute('data-minutes'));
  if (!data.minutes.length) {
    return;
  }
  var requests = element.getAttribute('data-requests');
  var errors = element.getAttribute('data-errors');
  element.style.width = '100%';
  element.style.height = '260px';
  var chart = echarts.init(element);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, data: [requests, errors] },
    xAxis: { type: 'category', data: data.minutes },
    yAxis: [{ type: 'value', name: requests }, { type: 'value', name: errors }],
    series: [
      { name: requests, type: 'bar', data: data.requests },
      { name: errors, type: 'line', yAxisIndex: 1, data: data.count502_3 }
    ]
  });
});
