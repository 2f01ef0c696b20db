//! Where RDS keeps the settings its checks judge: on the cluster for
//! clustered instances, on the instance otherwise.

use crate::engine::check::{Context, Judgement};
use crate::engine::resource::each;
use crate::findings::finding::{not_applicable, Judged};
use crate::model::{DbSettings, Observed, RdsCluster, RdsInstance, RdsRegion};

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

/// An instance's own settings, or those a Multi-AZ DB cluster sets for its
/// instances.
pub(crate) struct InstanceLevel<'a> {
    pub engine: &'a Observed<String>,
    pub class: &'a Observed<String>,
    pub publicly_accessible: &'a Observed<bool>,
    pub auto_minor_upgrade: &'a Observed<bool>,
}

/// Runs `judge` on every Multi-AZ DB cluster, once, and on every instance
/// outside one (standalone, or an Aurora instance): where RDS keeps an
/// instance's class, public access and minor-upgrade setting.
pub(crate) fn each_instance_level(
    cx: &Context,
    judge: fn(&InstanceLevel, &Context) -> Judged,
) -> Vec<Judgement> {
    let mut out = each(cx, |c: &RdsCluster, _: &RdsRegion, cx| {
        match &c.instance_settings {
            Some(s) => judge(
                &InstanceLevel {
                    engine: &c.settings.engine,
                    class: &s.class,
                    publicly_accessible: &s.publicly_accessible,
                    auto_minor_upgrade: &s.auto_minor_upgrade,
                },
                cx,
            ),
            None => not_applicable(),
        }
    });
    out.extend(each(cx, |i: &RdsInstance, region: &RdsRegion, cx| {
        let in_multi_az_cluster = i.cluster.as_ref().is_some_and(|id| {
            region
                .clusters
                .iter()
                .any(|c| &c.id == id && c.instance_settings.is_some())
        });
        if in_multi_az_cluster {
            return not_applicable();
        }
        judge(
            &InstanceLevel {
                engine: &i.settings.engine,
                class: &i.class,
                publicly_accessible: &i.publicly_accessible,
                auto_minor_upgrade: &i.auto_minor_upgrade,
            },
            cx,
        )
    }));
    out
}
