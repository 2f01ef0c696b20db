//! Where RDS keeps the settings its checks judge: on the cluster for
//! clustered instances, on the instance otherwise.

use crate::engine::check::{Context, Judgement};
use crate::engine::resource::each;
use crate::findings::finding::{not_applicable, Judged};
use crate::model::{DbSettings, RdsCluster, RdsInstance, RdsRegion};

/// Runs `judge` on the settings of every DB cluster and of every DB instance
/// outside a cluster: where RDS keeps the cluster-level settings.
pub(crate) fn each_db_settings(
    cx: &Context,
    judge: fn(&DbSettings, &Context) -> Judged,
) -> Vec<Judgement> {
    let mut out = each(cx, |c: &RdsCluster, _: &RdsRegion, cx| {
        judge(&c.settings, cx)
    });
    out.extend(each(cx, |i: &RdsInstance, _: &RdsRegion, cx| {
        if i.is_standalone() {
            judge(&i.settings, cx)
        } else {
            not_applicable()
        }
    }));
    out
}
