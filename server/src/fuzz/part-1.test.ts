import { fuzzRoutes } from "../../test/fuzz-routes";

// A third of the JSON routes; see fuzz-routes.ts.
fuzzRoutes(0, 3);
