//! Inductive declarations.
use crate::declaration::{ConstantInfo, InductiveBlock};
use crate::error::KernelError;
use crate::tc::{TcResult, TypeChecker};

pub(crate) fn check_block(_tc: &mut TypeChecker<'_>, _b: &InductiveBlock) -> TcResult<Vec<ConstantInfo>> {
    Err(KernelError::Inductive("not yet supported".into()))
}
