import { checkPolicyMatrix } from "../../test/policy-matrix";

// The other half of the permission matrix; see server/test/policy-matrix.ts.
checkPolicyMatrix(1, 2);
