export { renderComplianceReport } from './compliance-report';
export { renderConsultationBrief } from './consultation-brief';
export { briefTitle, complianceTitle } from './titles';
export type * from './model';
