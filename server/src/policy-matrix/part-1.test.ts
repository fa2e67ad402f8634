import { checkPolicyMatrix } from "../../test/policy-matrix";

// Half of the permission matrix (part 1 also checks its coverage and the lists); see server/test/policy-matrix.ts.
checkPolicyMatrix(0, 2);
