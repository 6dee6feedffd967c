// Policies: YAML loading with positions, the policy model, parameters, packs and lint.
