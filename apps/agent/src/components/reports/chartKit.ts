// Only the parts of Chart.js the reports draw, registered once; this module is its own chunk, fetched when a chart
// first shows, so the inbox never carries it.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
Chart.defaults.font.size = 13;
Chart.defaults.color = '#57534e';
Chart.defaults.borderColor = '#ebe4da';

export { Chart };
