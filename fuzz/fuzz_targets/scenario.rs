//! Decode any fragment: a crafted link must be refused quickly, never
//! crash or inflate without bound. A decoded scenario re-encodes to one
//! that decodes the same.
#![no_main]

use headroom_core::scenario;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(frag) = std::str::from_utf8(data) else { return };
    if let Ok(s) = scenario::decode(frag) {
        let again = scenario::encode(&s);
        assert_eq!(scenario::decode(&again).as_ref(), Ok(&s));
    }
});
