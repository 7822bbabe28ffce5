export { runOperatorCommand, decidePlanRequest, reachEveryInstance, OperatorError, OPERATOR_OPTIONS, OPERATOR_USAGE, type OperatorFlags } from './commands.js';
export { withOperatorAdmin, type OperatorAdmin } from './admin.js';
export { runDoctor, type DoctorReport } from './doctor.js';
export { exportUsage, usageCsv, type UsageExportRow } from './usage-export.js';
