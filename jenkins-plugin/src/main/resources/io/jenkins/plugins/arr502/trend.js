/* Job trend of 502.3 rate and worst-route p99 (echarts-api). A separate file: CSP forbids inline script. */
document.addEventListener('DOMContentLoaded', function () {
  var element = document.getElementById('arr502-trend-chart');
  if (!element || typeof echarts === 'undefined' || typeof arr502Trend === 'undefined') {
    return;
  }
  arr502Trend.getTrendJson(function (response) {
    var data = JSON.parse(response.responseJSON);
    element.style.width = '500px';
    element.style.height = '200px';
    var chart = echarts.init(element);
    chart.setOption({
      title: { text: element.getAttribute('data-title'), textStyle: { fontSize: 12 } },
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0, data: ['502.3 %', 'p99 ms'] },
      xAxis: { type: 'category', data: data.builds.map(function (b) { return '#' + b; }) },
      yAxis: [{ type: 'value', name: '%' }, { type: 'value', name: 'ms' }],
      series: [
        { name: '502.3 %', type: 'line', data: data.rate502_3 },
        { name: 'p99 ms', type: 'line', yAxisIndex: 1, data: data.worstRouteOkP99 }
      ]
    });
  });
});
