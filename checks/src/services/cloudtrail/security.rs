//! The CloudTrail checks of this pillar. Trails are judged once, in their home
//! region; organization trails seen from a member account count for it.

use crate::engine::check::{Context, Judgement};
use crate::engine::resource::{account_ref, one};
use crate::findings::finding::{fail, not_applicable, pass, Judged};
use crate::model::{
    Bucket, CloudTrailInventory, PublicAccessBlock, S3Inventory, Service, Trail, Unobserved,
    UnobservedKind,
};
use crate::services::cloudtrail::data_events::{s3_data_events, DataEvents, Needed};

crate::checks! {
    "cloudtrail.multi_region_logging" {
        title: "A multi-region trail logs read and write management events",
        resource: "AwsAccount",
        severity: High,
        also: [OperationalExcellence],
        security_hub: "CloudTrail.1",
        practice: "SEC04-BP01",
        rationale: "Without a logging multi-region trail, API activity in regions nobody \
            watches, where attackers like to work, leaves no durable record.",
        remediation: "Create a multi-region trail (or an organization trail) that logs all \
            management events, and start logging.",
        cli: "aws cloudtrail create-trail --name <trail> --s3-bucket-name <bucket> --is-multi-region-trail --enable-log-file-validation --kms-key-id <key-arn> && aws cloudtrail start-logging --name <trail>",
        judge: multi_region_logging,
    }
    "cloudtrail.trail_kms_encryption" {
        title: "Trail logs are encrypted with a KMS key",
        resource: "AwsCloudTrailTrail",
        severity: Medium,
        security_hub: "CloudTrail.2",
        practice: "SEC08-BP02",
        rationale: "With SSE-KMS, reading the audit log needs the key as well as the \
            bucket, and every read of it is itself logged.",
        remediation: "Encrypt the trail's log files with a customer-managed KMS key.",
        cli: "aws cloudtrail update-trail --name <trail> --kms-key-id <key-arn>",
        each: trail_kms_encryption,
    }
    "cloudtrail.log_file_validation" {
        title: "Trail log file validation is on",
        resource: "AwsCloudTrailTrail",
        severity: Medium,
        security_hub: "CloudTrail.4",
        practice: "SEC04-BP01",
        rationale: "Digest files prove after the fact that no log file was changed or \
            deleted, which is what makes the log evidence.",
        remediation: "Enable log file validation.",
        cli: "aws cloudtrail update-trail --name <trail> --enable-log-file-validation",
        each: log_file_validation,
    }
    "cloudtrail.s3_data_events" {
        title: "Data-lake bucket is covered by CloudTrail S3 data events",
        resource: "AwsS3Bucket",
        severity: Medium,
        security_hub: "S3.22",
        practice: "SEC04-BP01",
        rationale: "Management events do not record who read or wrote which objects; \
            for the data lake, object-level events are the access record.",
        remediation: "Add an advanced event selector for AWS::S3::Object data events whose \
            resources.ARN starts with the bucket's ARN.",
        cli: "aws cloudtrail put-event-selectors --trail-name <trail> --advanced-event-selectors '[{\"Name\":\"lake\",\"FieldSelectors\":[{\"Field\":\"eventCategory\",\"Equals\":[\"Data\"]},{\"Field\":\"resources.type\",\"Equals\":[\"AWS::S3::Object\"]},{\"Field\":\"resources.ARN\",\"StartsWith\":[\"arn:aws:s3:::<bucket>/\"]}]}]'",
        each: s3_data_events_check,
    }
    "cloudtrail.trail_bucket_protected" {
        title: "Trail's bucket is private, versioned and logged",
        resource: "AwsCloudTrailTrail",
        severity: High,
        also: [Reliability],
        security_hub: "CloudTrail.6",
        practice: "SEC04-BP01",
        rationale: "An audit log in a public, unversioned or unlogged bucket can be read \
            by outsiders, or deleted without a trace.",
        remediation: "Block public access on the trail bucket, enable versioning (and Object \
            Lock where required), and log access to it.",
        cli: "aws s3api put-bucket-versioning --bucket <trail-bucket> --versioning-configuration Status=Enabled",
        each: trail_bucket_protected,
    }
}

fn trail_kms_encryption(t: &Trail, _: &CloudTrailInventory, _: &Context) -> Judged {
    // DescribeTrails omits KmsKeyId when the logs use SSE-S3.
    match &t.kms_key_id {
        Some(key) => pass(format!("logs encrypted with {key}")),
        None => fail("logs are not encrypted with SSE-KMS"),
    }
}

fn log_file_validation(t: &Trail, _: &CloudTrailInventory, _: &Context) -> Judged {
    if *t.log_file_validation.get()? {
        pass("log file validation is on")
    } else {
        fail("log file validation is off")
    }
}

fn multi_region_logging(cx: &Context) -> Vec<Judgement> {
    let Some(cloudtrail) = &cx.inventory.cloudtrail else {
        return Vec::new();
    };
    let partition = &cx.inventory.account.partition;
    let judged: Judged = (|| {
        let mut unreadable: Option<Unobserved> = None;
        for trail in &cloudtrail.trails {
            match trail.multi_region.get() {
                Ok(true) => {}
                Ok(false) => continue,
                Err(reason) => {
                    unreadable = Some(reason);
                    continue;
                }
            }
            match (trail.logging.get(), trail.selectors.get()) {
                (Ok(true), Ok(s))
                    if s.recorded(partition).management_read
                        && s.recorded(partition).management_write =>
                {
                    let kind = if trail.organization {
                        "organization trail"
                    } else {
                        "trail"
                    };
                    return pass(format!(
                        "multi-region {kind} {} logs all management events",
                        trail.name
                    ));
                }
                (Err(reason), _) | (_, Err(reason)) => unreadable = Some(reason),
                _ => {}
            }
        }
        // A region whose trails could not be listed may hold the trail that passes.
        let unlisted = cx.inventory.gap(Service::CloudTrail, None);
        if let Some(reason) = unreadable.or_else(|| unlisted.map(|g| g.reason.clone())) {
            return Err(reason);
        }
        if cloudtrail
            .trails
            .iter()
            .any(|t| t.multi_region.known() == Some(&true))
        {
            fail("no multi-region trail is logging read and write management events")
        } else {
            fail("no multi-region trail")
        }
    })();
    one(account_ref(cx.inventory), judged)
}

fn s3_data_events_check(bucket: &Bucket, _: &S3Inventory, cx: &Context) -> Judged {
    if cx.inventory.cloudtrail.is_none() {
        return not_applicable(); // the check belongs to the CloudTrail scan
    }
    if !cx.roles.is_data_lake(&bucket.name)? {
        return not_applicable();
    }
    match s3_data_events(cx.inventory, bucket, Needed::Writes)? {
        DataEvents::Covered(trail) => {
            pass(format!("object writes recorded by trail {}", trail.name))
        }
        DataEvents::NotCovered => {
            fail("no logging trail records this bucket's object writes (S3 data events)")
        }
    }
}

fn trail_bucket_protected(trail: &Trail, _: &CloudTrailInventory, cx: &Context) -> Judged {
    let Some(name) = &trail.s3_bucket else {
        return not_applicable();
    };
    let s3 = cx.inventory.s3.as_ref().ok_or_else(|| {
        Unobserved::new(UnobservedKind::NotScanned, "s3:ListBuckets")
            .with_message("S3 was not scanned")
    })?;
    let bucket = s3.buckets.iter().find(|b| &b.name == name);
    let Some(bucket) = bucket else {
        // The bucket listing failed: whether the bucket is ours is not known.
        if let Some(gap) = cx.inventory.gap(Service::S3, None) {
            return Err(gap.reason.clone());
        }
        if !s3.account_bucket_names.contains(name) {
            return not_applicable(); // a central logging account's bucket
        }
        return Err(
            Unobserved::new(UnobservedKind::NotScanned, "s3:GetBucketVersioning").with_message(
                format!("trail bucket {name} is in a region this scan did not read"),
            ),
        );
    };
    // Each property is judged on its own, so a known problem is reported
    // even when another property could not be read.
    let mut problems = Vec::new();
    let mut unreadable = None;
    let mut public_why = String::new();
    let mut private_note = None;
    match publicness(bucket, s3) {
        Ok(Publicness::Public(why)) => public_why = format!("public {why}"),
        Ok(Publicness::Private(note)) => private_note = note,
        Err(reason) => unreadable = Some(reason),
    }
    if !public_why.is_empty() {
        problems.push(public_why.as_str());
    }
    match bucket.versioning.get() {
        Ok(v) if !v.enabled() => problems.push("unversioned"),
        Ok(_) => {}
        Err(reason) => unreadable = Some(reason),
    }
    match bucket.logging.get() {
        Ok(None) => problems.push("without access logging"),
        Ok(Some(_)) => {}
        Err(reason) => unreadable = Some(reason),
    }
    match (problems.is_empty(), unreadable) {
        (false, _) => fail(format!("trail bucket {name} is {}", problems.join(", "))),
        (true, Some(reason)) => Err(reason),
        (true, None) => pass(match private_note {
            Some(note) => format!("trail bucket {name} is private ({note}), versioned and logged"),
            None => format!("trail bucket {name} is private, versioned and logged"),
        }),
    }
}

/// Whether a bucket is public, as S3 means it.
enum Publicness {
    /// Public, and how.
    Public(String),
    /// Not public, with what narrows its policy when it allows everyone.
    Private(Option<String>),
}

/// Public as the catalog's "Public" says: a policy that allows everyone (S3's
/// own GetBucketPolicyStatus where it was read, else the policy read as S3
/// reads it) unless RestrictPublicBuckets is on, or an ACL grant to AllUsers
/// or AuthenticatedUsers unless IgnorePublicAcls is on; each setting at the
/// bucket or the account level.
fn publicness(bucket: &Bucket, s3: &S3Inventory) -> Result<Publicness, Unobserved> {
    // A setting on at either level applies; off needs both levels read.
    let setting = |on: fn(&PublicAccessBlock) -> bool| -> Result<bool, Unobserved> {
        let level = |l: Result<&Option<PublicAccessBlock>, Unobserved>| {
            l.map(|p| p.as_ref().is_some_and(on))
        };
        match (
            level(bucket.public_access_block.get()),
            level(s3.account_public_access_block.get()),
        ) {
            (Ok(true), _) | (_, Ok(true)) => Ok(true),
            (Err(reason), _) | (_, Err(reason)) => Err(reason),
            (Ok(false), Ok(false)) => Ok(false),
        }
    };
    let mut unknown = None;

    // Through the policy: S3's own verdict where it was read, else the policy
    // read as S3 reads it.
    let exposure = policy_exposure(bucket);
    let note = match &exposure {
        Ok(Some(e)) if !e.public && e.why != "no statement allows everyone" => Some(e.why.clone()),
        _ => None,
    };
    let policy_public = match bucket
        .policy_status
        .as_ref()
        .map(crate::model::Observed::get)
    {
        Some(Ok(Some(true))) => Ok(Some(
            "through its policy (S3's policy status: IsPublic)".to_string(),
        )),
        Some(Ok(Some(false) | None)) => Ok(None),
        _ => exposure.map(|e| {
            e.filter(|e| e.public)
                .map(|e| format!("through its policy ({})", e.why))
        }),
    };
    // A setting known to be on closes its door whatever lies behind it.
    match (policy_public, setting(|p| p.restrict_public_buckets)) {
        (_, Ok(true)) | (Ok(None), _) => {}
        (Ok(Some(why)), Ok(false)) => return Ok(Publicness::Public(why)),
        (Err(reason), _) | (_, Err(reason)) => unknown = Some(reason),
    }

    // Through the ACL.
    if !matches!(setting(|p| p.ignore_public_acls), Ok(true)) {
        let grants = match bucket.acl.as_ref() {
            Some(acl) => acl.get().map(|g| g.as_slice()),
            None => Err(
                Unobserved::new(UnobservedKind::NotScanned, "s3:GetBucketAcl")
                    .with_message("the bucket's ACL was not read"),
            ),
        };
        match (grants, setting(|p| p.ignore_public_acls)) {
            (Ok(grants), ignore) => {
                if let Some(group) = grants.iter().find_map(|g| g.public_group()) {
                    match ignore {
                        Ok(_) => {
                            return Ok(Publicness::Public(format!(
                                "through an ACL grant to {group}"
                            )))
                        }
                        Err(reason) => unknown = unknown.or(Some(reason)),
                    }
                }
            }
            (Err(reason), _) => unknown = unknown.or(Some(reason)),
        }
    }
    match unknown {
        Some(reason) => Err(reason),
        None => Ok(Publicness::Private(note)),
    }
}

/// The bucket policy read as S3 reads it for publicness; `None` without a policy.
fn policy_exposure(
    bucket: &Bucket,
) -> Result<Option<crate::interpret::policy::Exposure>, Unobserved> {
    let Some(document) = bucket.policy.get()? else {
        return Ok(None);
    };
    let policy: serde_json::Value = serde_json::from_str(document).map_err(|e| {
        Unobserved::new(UnobservedKind::Error, "s3:GetBucketPolicy")
            .with_code("MalformedPolicy")
            .with_message(e.to_string())
    })?;
    Ok(Some(crate::interpret::policy::exposure(&policy)))
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    fn trails(list: Vec<Trail>) -> Inventory {
        with_trails(inventory(vec![]), list)
    }

    #[test]
    fn multi_region_logging() {
        let id = "cloudtrail.multi_region_logging";
        assert_eq!(run(id, &trails(vec![good_trail("t")]))[0].1, Pass);
        assert_eq!(run(id, &trails(vec![]))[0].1, Fail);
        let mut single = good_trail("t");
        single.multi_region = Observed::Known(false);
        assert_eq!(run(id, &trails(vec![single]))[0].1, Fail);
        let mut stopped = good_trail("t");
        stopped.logging = Observed::Known(false);
        assert_eq!(run(id, &trails(vec![stopped.clone()]))[0].1, Fail);
        let mut write_only = good_trail("w");
        write_only.selectors = Observed::Known(EventSelectors {
            basic: vec![EventSelector {
                read_write_type: Some("WriteOnly".into()),
                ..EventSelector::default()
            }],
            advanced: vec![],
        });
        assert_eq!(run(id, &trails(vec![write_only]))[0].1, Fail);
        let mut unreadable = good_trail("u");
        unreadable.logging = Observed::Unknown(denied("cloudtrail:GetTrailStatus"));
        assert_eq!(run(id, &trails(vec![stopped, unreadable]))[0].1, Unknown);
        // An organization trail seen from a member account counts.
        let mut org = good_trail("org");
        org.organization = true;
        org.arn = "arn:aws:cloudtrail:us-east-1:111111111111:trail/org".into();
        let out = run(id, &trails(vec![org]));
        assert_eq!(out[0].1, Pass);
        assert!(out[0].2.contains("organization trail"));
        // No trail seen, but a region's trails could not be listed: UNKNOWN, not FAIL.
        let mut inv = trails(vec![]);
        deny_listing(
            &mut inv,
            Service::CloudTrail,
            Some("eu-west-1"),
            "cloudtrail:DescribeTrails",
        );
        assert_eq!(run(id, &inv)[0].1, Unknown);
    }

    #[test]
    fn per_trail_settings() {
        for (id, change) in [
            (
                "cloudtrail.trail_kms_encryption",
                (|t: &mut Trail| t.kms_key_id = None) as fn(&mut Trail),
            ),
            ("cloudtrail.log_file_validation", |t: &mut Trail| {
                t.log_file_validation = Observed::Known(false)
            }),
        ] {
            assert_eq!(run(id, &trails(vec![good_trail("t")]))[0].1, Pass, "{id}");
            let mut t = good_trail("t");
            change(&mut t);
            assert_eq!(run(id, &trails(vec![t]))[0].1, Fail, "{id}");
        }
    }

    /// `raw` and `curated` are data-lake buckets.
    fn lake(name: &str, region: &str) -> Bucket {
        bare_bucket(name, region)
    }

    fn config() -> crate::findings::config::Config {
        let mut config = crate::findings::config::Config::default();
        config.s3.data_lake_buckets = vec!["raw".into(), "curated".into()];
        config
    }

    fn run(
        id: &str,
        inventory: &Inventory,
    ) -> Vec<(String, crate::findings::finding::Status, String)> {
        run_with(id, inventory, &config())
    }

    /// A trail recording S3 object events under `prefixes` (basic selectors),
    /// or of every bucket (an advanced selector without an ARN condition).
    fn covering(prefixes: &[&str], advanced_all: bool) -> Trail {
        let mut t = good_trail("data");
        let data = |field: &str, value: &str| FieldSelector {
            field: field.into(),
            equals: vec![value.into()],
            ..FieldSelector::default()
        };
        t.selectors = Observed::Known(EventSelectors {
            basic: vec![EventSelector {
                data_resources: vec![DataResource {
                    kind: Some("AWS::S3::Object".into()),
                    values: prefixes.iter().map(|p| p.to_string()).collect(),
                }],
                ..EventSelector::default()
            }],
            advanced: if advanced_all {
                vec![AdvancedEventSelector {
                    name: None,
                    field_selectors: vec![
                        data("eventCategory", "Data"),
                        data("resources.type", "AWS::S3::Object"),
                    ],
                }]
            } else {
                vec![]
            },
        });
        t
    }

    #[test]
    fn data_events_cover_data_lake_buckets() {
        let id = "cloudtrail.s3_data_events";
        let inv = with_trails(
            inventory(vec![
                lake("raw", "us-east-1"),
                lake("curated", "us-east-1"),
                bare_bucket("other", "us-east-1"),
            ]),
            vec![covering(&["arn:aws:s3:::raw/"], false)],
        );
        let out = run(id, &inv);
        let status = |n: &str| out.iter().find(|(b, ..)| b == n).map(|(_, s, _)| *s);
        assert_eq!(status("raw"), Some(Pass));
        assert_eq!(status("curated"), Some(Fail));
        assert_eq!(status("other"), None);

        // Advanced selectors with StartsWith on a name prefix, and "all buckets".
        let inv = with_trails(
            inventory(vec![lake("raw", "us-east-1")]),
            vec![covering(&["arn:aws:s3:::ra"], false)],
        );
        assert_eq!(run(id, &inv)[0].1, Pass);
        let inv = with_trails(
            inventory(vec![lake("raw", "us-east-1")]),
            vec![covering(&[], true)],
        );
        assert_eq!(run(id, &inv)[0].1, Pass);
        // A prefix inside the bucket covers only part of it.
        let inv = with_trails(
            inventory(vec![lake("raw", "us-east-1")]),
            vec![covering(&["arn:aws:s3:::raw/events/"], false)],
        );
        assert_eq!(run(id, &inv)[0].1, Fail);
        // A single-region trail elsewhere does not cover the bucket.
        let mut elsewhere = covering(&[], true);
        elsewhere.multi_region = Observed::Known(false);
        elsewhere.home_region = "eu-west-1".into();
        let inv = with_trails(inventory(vec![lake("raw", "us-east-1")]), vec![elsewhere]);
        assert_eq!(run(id, &inv)[0].1, Fail);
        // Unreadable selectors: UNKNOWN, never FAIL.
        let mut unreadable = good_trail("t");
        unreadable.selectors = Observed::Unknown(denied("cloudtrail:GetEventSelectors"));
        let inv = with_trails(inventory(vec![lake("raw", "us-east-1")]), vec![unreadable]);
        assert_eq!(run(id, &inv)[0].1, Unknown);
    }

    #[test]
    fn data_events_also_satisfy_access_logging() {
        let inv = with_trails(
            inventory(vec![lake("raw", "us-east-1")]),
            vec![covering(&["arn:aws:s3:::raw/"], false)],
        );
        let out = run("s3.bucket_access_logging", &inv);
        assert_eq!(out[0].1, Pass);
        assert!(out[0].2.contains("trail data"));
    }

    #[test]
    fn trail_bucket_protection() {
        let id = "cloudtrail.trail_bucket_protected";
        let mut bucket = bare_bucket("trail-logs", "us-east-1");
        bucket.public_access_block = Observed::Known(Some(PublicAccessBlock {
            block_public_acls: true,
            ignore_public_acls: true,
            block_public_policy: true,
            restrict_public_buckets: true,
        }));
        bucket.versioning = Observed::Known(Versioning {
            status: Some("Enabled".into()),
            mfa_delete: false,
        });
        bucket.logging = Observed::Known(Some(LoggingTarget {
            target_bucket: "x".into(),
            target_prefix: String::new(),
        }));
        let inv = with_trails(inventory(vec![bucket.clone()]), vec![good_trail("t")]);
        assert_eq!(run(id, &inv)[0].1, Pass);

        let inv = with_trails(
            inventory(vec![bare_bucket("trail-logs", "us-east-1")]),
            vec![good_trail("t")],
        );
        let out = run(id, &inv);
        assert_eq!(out[0].1, Fail);
        assert_eq!(
            out[0].2,
            "trail bucket trail-logs is unversioned, without access logging"
        );

        // Public means what S3 says: a policy open to everyone that Block
        // Public Access does not restrict.
        let mut public = bucket.clone();
        public.public_access_block = Observed::Known(None);
        public.policy = Observed::Known(Some(
            r#"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::trail-logs/*"}]}"#.into(),
        ));
        let inv = with_trails(inventory(vec![public.clone()]), vec![good_trail("t")]);
        assert_eq!(
            run(id, &inv)[0].2,
            "trail bucket trail-logs is public through its policy (statement 1 allows everyone \
             without a condition that pins who or from where)"
        );
        // A known problem stands even when another property is unreadable.
        let mut mixed = public;
        mixed.logging = Observed::Unknown(denied("s3:GetBucketLogging"));
        let inv = with_trails(inventory(vec![mixed]), vec![good_trail("t")]);
        assert_eq!(run(id, &inv)[0].1, Fail);
        // The bucket listing failed: whether the bucket is ours is unknown.
        let mut inv = with_trails(inventory(vec![]), vec![good_trail("t")]);
        deny_listing(&mut inv, Service::S3, None, "s3:ListBuckets");
        assert_eq!(run(id, &inv)[0].1, Unknown);

        // A bucket in another account (central logging) is not judged here.
        assert!(run(id, &with_trails(inventory(vec![]), vec![good_trail("t")])).is_empty());

        let mut unknown = bucket;
        unknown.versioning = Observed::Unknown(denied("s3:GetBucketVersioning"));
        let inv = with_trails(inventory(vec![unknown]), vec![good_trail("t")]);
        assert_eq!(run(id, &inv)[0].1, Unknown);
    }

    #[test]
    fn trail_bucket_publicness_is_what_s3_calls_public() {
        let id = "cloudtrail.trail_bucket_protected";
        let judge = |edit: &dyn Fn(&mut Bucket)| {
            let mut bucket = bare_bucket("trail-logs", "us-east-1");
            bucket.public_access_block = Observed::Known(None);
            bucket.versioning = Observed::Known(Versioning {
                status: Some("Enabled".into()),
                mfa_delete: false,
            });
            bucket.logging = Observed::Known(Some(LoggingTarget {
                target_bucket: "x".into(),
                target_prefix: String::new(),
            }));
            bucket.acl = Some(Observed::Known(vec![]));
            edit(&mut bucket);
            let inv = with_trails(inventory(vec![bucket]), vec![good_trail("t")]);
            let out = run(id, &inv);
            (out[0].1, out[0].2.clone())
        };
        let all_users = AclGrant {
            grantee: "http://acs.amazonaws.com/groups/global/AllUsers".into(),
            permission: "READ".into(),
        };
        assert_eq!(judge(&|_| {}).0, Pass);
        // A public-read ACL is public unless IgnorePublicAcls is on.
        let (status, text) = judge(&|b| b.acl = Some(Observed::Known(vec![all_users.clone()])));
        assert_eq!(
            (status, text.as_str()),
            (
                Fail,
                "trail bucket trail-logs is public through an ACL grant to AllUsers"
            )
        );
        let ignored = |b: &mut Bucket| {
            b.acl = Some(Observed::Known(vec![all_users.clone()]));
            b.public_access_block = Observed::Known(Some(PublicAccessBlock {
                ignore_public_acls: true,
                ..PublicAccessBlock::default()
            }));
        };
        assert_eq!(judge(&ignored).0, Pass);
        // An ACL not read is not "no grants".
        assert_eq!(
            judge(&|b| b.acl = Some(Observed::Unknown(denied("s3:GetBucketAcl")))).0,
            Unknown
        );
        // Allowing everyone only from a network is not public.
        let (status, text) = judge(&|b| {
            b.policy = Observed::Known(Some(
                r#"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::trail-logs/*","Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}]}"#.into(),
            ))
        });
        assert_eq!(status, Pass, "{text}");
        assert!(text.contains("private ("), "{text}");
        // S3's own policy status wins over lakelint's reading.
        let (status, _) = judge(&|b| b.policy_status = Some(Observed::Known(Some(true))));
        assert_eq!(status, Fail);
    }
}
