export { renderComplianceReport } from './compliance-report';
export { renderConsultationBrief } from './consultation-brief';
export type * from './model';
