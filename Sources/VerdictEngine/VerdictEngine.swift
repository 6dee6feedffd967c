// The engine: inventory readers, evaluation, results and report formats.
