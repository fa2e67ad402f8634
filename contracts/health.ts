// Health (issue 17): pulse surveys of both teams and the Alignment Index.
//
// Anonymity, as the API keeps it: an answer is stored without the person and without a time; who took part is
// stored apart. Results of a group (a side, a team) appear only when at least `k` people of it answered (k is
// 3–10, default 5, fixed when the pulse is launched); a team whose complement within its side is 1..k−1 is
// suppressed too (no subtraction); comments appear only when at least 10 people of the group answered; a trend
// point below k is hidden; an open pulse's results are released in steps of k answers (time correlation).
//
// The contracts live by sub-domain in health-*.ts; `#contracts/health` keeps naming them all.

export * from "./health-alignment";
export * from "./health-cadence";
export * from "./health-criteria";
export * from "./health-pulses";
