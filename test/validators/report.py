"""The ending every validator shares: problems to stderr, one summary line, the exit code."""
import sys


def finish(problems, failure, success):
    """Print each problem and the failure line, or the success line; return the exit code."""
    for problem in problems:
        print(f'  {problem}', file=sys.stderr)
    if problems:
        print(failure)
        return 1
    print(success)
    return 0
