import type { FigureApproval } from './domain';
import { formatDanishDate } from './numbers/danishDate';

/**
 * The words of a reported figure's approval (issue 13), one place for the goal table, the
 * workbook, the report and the store's refusals. Danish first; English through the app's switch.
 */
export type ApprovalLanguage = 'da' | 'en';

function day(at: string | null): string {
  return at && /^\d{4}-\d{2}-\d{2}/.test(at) ? formatDanishDate(at.slice(0, 10)) : '';
}

/** "Indrapporteret", "Godkendt af ida 05.03.2024", "Returneret af ida 05.03.2024: kommentar"; '' = not from a report. */
export function approvalText(approval: FigureApproval | null | undefined, language: ApprovalLanguage = 'da'): string {
  if (!approval) return '';
  const who = approval.by || (language === 'da' ? 'ukendt' : 'unknown');
  const when = day(approval.at);
  const byWhen = `${who}${when ? ` ${when}` : ''}`;
  switch (approval.state) {
    case 'reported':
      return language === 'da' ? 'Indrapporteret' : 'Reported';
    case 'approved':
      return language === 'da' ? `Godkendt af ${byWhen}` : `Approved by ${byWhen}`;
    case 'returned':
      return `${language === 'da' ? 'Returneret af' : 'Returned by'} ${byWhen}${approval.comment ? `: ${approval.comment}` : ''}`;
  }
}

/** Whether a figure still waits for a case officer: reported and not yet approved (returned counts too). */
export function awaitsApproval(approval: FigureApproval | null | undefined): boolean {
  return approval?.state === 'reported' || approval?.state === 'returned';
}

/** The workbook's and report's mark of a figure not approved: '' when approved or not from a report. */
export function unapprovedMark(approval: FigureApproval | null | undefined, language: ApprovalLanguage = 'da'): string {
  if (approval?.state === 'reported') return language === 'da' ? 'Indrapporteret, ikke godkendt' : 'Reported, not approved';
  if (approval?.state === 'returned') return approvalText(approval, language);
  return '';
}

/** Why a figure cannot be approved or returned now (Danish; the store's refusal): null = it can. */
export function approvalNotPending(approval: FigureApproval | null | undefined): string | null {
  if (!approval) return 'det er ikke indrapporteret af en bevillingsmodtager (indtastet af en sagsbehandler) og skal ikke godkendes';
  if (approval.state === 'approved') return `det er allerede ${approvalText(approval).replace(/^G/, 'g')}`;
  if (approval.state === 'returned') return `det er ${approvalText(approval).replace(/^R/, 'r')}; det afventer en ny indrapportering`;
  return null;
}
