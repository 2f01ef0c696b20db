//! The Firehose checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, not_applicable, pass, Judged};
use crate::model::{DeliveryStream, FirehoseRegion};

crate::checks! {
    "firehose.s3_compression" {
        title: "Firehose stream compresses what it writes to S3",
        resource: "AwsKinesisFirehoseDeliveryStream",
        severity: Low,
        also: [CostOptimization],
        practice: "SUS04-BP05",
        rationale: "Uncompressed JSON or CSV in the lake takes several times the storage, \
            and every query reads every byte of it; compression or a columnar format \
            cuts both.",
        remediation: "Set the S3 destination's compression to GZIP or Snappy, or convert \
            records to Parquet or ORC.",
        cli: "aws firehose update-destination --delivery-stream-name <stream> --current-delivery-stream-version-id <version> --destination-id <destination-id> --extended-s3-destination-update CompressionFormat=GZIP",
        each: s3_compression,
    }
}

fn s3_compression(s: &DeliveryStream, _: &FirehoseRegion, _: &Context) -> Judged {
    let d = s.description.get()?;
    let s3: Vec<_> = d
        .destinations
        .iter()
        .filter_map(|dest| {
            dest.compression
                .as_deref()
                .map(|c| (c, dest.format_conversion))
        })
        .collect();
    if s3.is_empty() {
        return not_applicable();
    }
    let raw = s3
        .iter()
        .filter(|(c, conversion)| *c == "UNCOMPRESSED" && !conversion)
        .count();
    if raw > 0 {
        fail("an S3 destination writes uncompressed records and converts no format")
    } else {
        let how: Vec<String> = s3
            .iter()
            .map(|(c, conversion)| {
                if *conversion {
                    "converted to a columnar format".to_string()
                } else {
                    format!("{c}-compressed")
                }
            })
            .collect();
        pass(format!("S3 delivery is {}", how.join(", ")))
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    #[test]
    fn compressed_or_converted() {
        let id = "firehose.s3_compression";
        assert_eq!(
            delivery_verdict(id, good_delivery_stream("f")).unwrap().0,
            Pass
        );
        let mut s = good_delivery_stream("f");
        if let Observed::Known(d) = &mut s.description {
            d.destinations[0].compression = Some("UNCOMPRESSED".into());
        }
        assert_eq!(delivery_verdict(id, s.clone()).unwrap().0, Fail);
        // Parquet conversion counts as compressed.
        if let Observed::Known(d) = &mut s.description {
            d.destinations[0].format_conversion = true;
        }
        assert_eq!(delivery_verdict(id, s).unwrap().0, Pass);
        let mut s = good_delivery_stream("f");
        s.description = Observed::Unknown(denied("firehose:DescribeDeliveryStream"));
        assert_eq!(delivery_verdict(id, s).unwrap().0, Unknown);
    }
}
