import type { GpmiPrint } from '../gpmi/queries.js';
import type { GpmiReportInput } from './gpmi-report.js';
import { fullName } from '../households/names.js';

/**
 * The stored GPMI (loadGpmiForPrint) as the PDF renderer's plain input. For a household GPMI the
 * agreements name whom they are about ("Schulden — Sara Peeters"); the persons are then the adults
 * of the balance it came from. Each agreement prints its status after the evaluations of that version,
 * its goals, and each evaluation (day, in a personal conversation or not, and how it went; the note
 * on the file copy only).
 */
export function gpmiReportInput(p: GpmiPrint, currentWorkerName: string): GpmiReportInput {
  const persons = p.person ? [fullName(p.person)] : p.members.filter((m) => m.adult).map(fullName);
  const signed =
    p.version.status === 'signed' && p.version.signedOn
      ? { date: p.version.signedOn, clientName: p.version.signedClientName ?? persons.join(', '), workerName: p.version.signedByName ?? currentWorkerName }
      : null;
  return {
    organisation: p.organisationName,
    dossierRef: p.dossierRef,
    language: p.locale,
    persons,
    workerName: signed?.workerName ?? currentWorkerName,
    startDate: p.version.startOn,
    durationMonths: p.version.durationMonths,
    evaluationDates: p.version.moments,
    version: p.version.number,
    signed,
    hiddenAgreements: p.hiddenAgreements,
    agreements: p.agreements.map((a) => ({
      domainName: p.person ? a.domainName : `${a.domainName} — ${a.subjectLabel}`,
      currentScore: a.scoreAtStart,
      targetScore: a.targetScore,
      agreement: a.text,
      clientActions: a.client,
      ocmwActions: a.ocmw,
      partners: a.partners,
      dueDate: a.dueOn,
      status: a.currentStatus,
      longTermGoal: a.longTermGoal,
      shortTermGoal: a.shortTermGoal,
      // Notes go to the renderer too: it prints them all on the file copy, and on the client's copy
      // only those the worker shared (options.audience).
      evaluations: a.evaluations.map((e) => ({ date: e.heldOn, inPerson: e.inPerson, status: e.status, note: e.note, shared: e.shared, byName: e.byName })),
    })),
  };
}
