// Test-only. With SB_TEST_KILL_BEFORE_AUDIT=<audit action> in the environment, the process kills
// itself (SIGKILL: no cleanup, no flush, like a power cut) when a change for that action is written
// but its audit row is not yet: tests/integration/audit-atomicity.test.ts uses it to prove that a
// change and its audit row commit together or not at all. Without the variable this does nothing.
const killBeforeAudit = process.env.SB_TEST_KILL_BEFORE_AUDIT;

export function killHereIfAsked(action: string): void {
  if (killBeforeAudit !== undefined && killBeforeAudit === action) process.kill(process.pid, 'SIGKILL');
}
