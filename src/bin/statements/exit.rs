//! Exit codes, and how the outcomes of many inputs merge into one.

/// The process exit status, with its documented meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// 0: every input was analysed.
    Ok = 0,
    /// 1: some inputs failed; each has an error record and the rest was output.
    SomeFailed = 1,
    /// 2: a usage error, or nothing could run.
    Fatal = 2,
}

impl Exit {
    /// The status of a run from its counts of inputs and failures.
    pub fn from_counts(inputs: usize, failed: usize) -> Exit {
        // Even when every input failed, each has its error record on the output: that is a
        // run with failed inputs (1), not a run that could not start (2).
        let _ = inputs;
        if failed == 0 {
            Exit::Ok
        } else {
            Exit::SomeFailed
        }
    }

    /// The process exit code.
    pub fn code(self) -> i32 {
        self as i32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_outcomes() {
        let cases = [
            // (inputs, failed, exit)
            (0, 0, Exit::Ok),
            (1, 0, Exit::Ok),
            (3, 0, Exit::Ok),
            (3, 1, Exit::SomeFailed),
            (3, 3, Exit::SomeFailed),
            (1, 1, Exit::SomeFailed),
        ];
        for (inputs, failed, exit) in cases {
            assert_eq!(
                Exit::from_counts(inputs, failed),
                exit,
                "{inputs} inputs, {failed} failed"
            );
        }
    }
}
