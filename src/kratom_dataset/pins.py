"""The manifest SHA-256 of every release this package ships, recorded in code at release time.

A release whose Parquet files, manifest and SHA256SUMS were all replaced consistently passes
every check that reads only the folder; the pin does not live in the folder, so it catches that
too (as TensorFlow Datasets registers its checksums in code). Only shipped versions are pinned:
a release folder of another version (a corpus or release you built yourself) is not. Run
``kratom-dataset pin --write`` after publishing a release; a test holds this file to
``data/processed``.
"""

from __future__ import annotations

from pathlib import Path

from .checksums import sha256_file
from .semver import Version

#: version -> sha256 of its ``manifest.json``.
PINNED: dict[str, str] = {
    "0.1.0": "80368346eb50b8ea261056c9acd5da2c0faa70a2a4b9d2e2fe9a82c9f7c874bd",
    "0.2.0": "ff87d13cfd964e3ea710e1a3d5099aa36032af102f2b9a87a5a173a3219eeff6",
    "0.3.0": "e9825a58e9467ed758a97e981cc0c032352780d4421dce267c2e209a357f774b",
    "0.4.0": "a56d1e4ef82760ad756eb97fc1d29b0efe3f0487e86bfc9370fb33b7c50e7889",
    "0.5.0": "1479f0668d4a7958db4cf3a5aed461bbf5c5e516cdf9d9cc778bf0f6b6598863",
    "0.6.0": "1f70c0c0c13333eae72519c31790a0e0fccaa0c81e2de3c1e7ff58db6529d149",
    "0.7.0": "a376770dd8fbca96c05868bec41402947aba9ee6dba4586586660a756d09b11b",
    "0.8.0": "39b1e2e2e5df4199f2a61e0a59e952035ccecb832f34b630aca72ae9eae82e1b",
    "0.9.0": "18fe4486e3570d71706f9d582b3d7611379c28d4b3df2e7c56281881d977c0a0",
    "0.10.0": "7c19759c4e3de92622cc10692eaff496cf267574fd4664681a0b4d3fc26a8f6a",
    "0.11.0": "fee7b03fd30cc5a31a9b8b314d5951efde9fde8af627e4ef4a0b218769e0e398",
    "0.12.0": "c24c8f06d19aab016e369ab8ab3630c4267d08deacf2902bc7fa40d7109f0a2b",
    "0.13.0": "3c89acbea7793382fba1dda1ac584cdf95f0cec3efb4c8500b9f162563283bb2",
    "0.14.0": "c27b266792a913aa66c7e113427ab18f54e24b704cadf751afdff84efb3b7e40",
    "0.15.0": "ffd8932f247af6c22973f16d6ab34dfbffd3c52f0851f0371c147fca18608d4d",
    "0.16.0": "042ad07c998ee12fce3108693714864c6e69fb88916b929dbfa40d1f2c6e8ad3",
    "0.17.0": "aaee975056b13c96aa88e0f9e9737940c81f2235090d696e3e502b9b9ec36b78",
    "0.18.0": "1acd16ba9f29df544bcb7514740a29159a9de8d70bbd19dbee494922290e3028",
    "0.19.0": "69e7a7e2336ebc2ed24ca93ef7e60bed0373bfdc0c157f418a99dde9fbdf5871",
    "0.20.0": "b77c722fef1efaeb5fc4edd6b9237c09a0ccebd13bec00d2e2658d70ee665e16",
    "0.21.0": "509609e2012b31dddb62b48c4e439f38fdb7268139a7711f45eb0968ccbf714d",
    "0.22.0": "339354e7c73fbdacd8d1e9d212f4846151ce7ddaaf37b147fee7be18bee29e5a",
    "0.23.0": "8d1373c04895efdf60d737f93c3d56f96bf287235e23f69d2d120037a5e088a9",
    "0.24.0": "7f72bb0d4eed699d5a035ba4b74d31fbac0729a6a15e68cd0b27a0622b5361b3",
    "0.25.0": "c39f1687ead3bfc64acd036a03341f3dfffd795b54a149227695dc69dc95524e",
    "0.26.0": "d3ed2973bc70c47b1fa9d1e2acfcbfb375748d929d59cce87d89edf49e05c87e",
    "0.27.0": "d0e4d0279f08779fd70cb5d0c51cae29df3a7a3906fd29796dbb73addbe40a11",
    "0.28.0": "49ae458bd5e39bb279dc4c7288933e32dc0100230c2207cf54b67f11a5b3edfc",
    "0.29.0": "2f30ec0d88b077ceeba38dfbcd030d005166a9468d5cd4d99222e1b8ff0ce144",
    "0.30.0": "0809e6b773f00bc20ede89fae1c4a4471cfb80ad450b7d6598930edf2118ca54",
    "0.31.0": "2cbc1c53818f91fdfc27a72e0cbcbc5c3d631fc549d51bb41241db69fcd3c0d3",
    "0.32.0": "cef0da278deb864236cb4d49492733378f4b19145e88eca4566251bae65a15b0",
    "0.33.0": "e7781c6e3bdcacf6978271f20b8ca3046de92c575f39e5c035917c924ccc834c",
    "0.34.0": "f8c60071582999d883cfa8c94bd5408a3d6437ab0303d625ab2b21381ecbd135",
    "0.35.0": "41d49f110ccd2acc883fa0f0e99932b938e1df229a9d3b6e78945e8c5dae9b2a",
    "0.36.0": "fec3c2918be2aed167e1dbea8ab9f7d5490e0257eabf2d471d926d90240d2948",
    "0.37.0": "048d3ff35c7128e1a2a4a4997a1124463b9b2aac577e2686171c1488b49b2fad",
    "0.38.0": "90deeb1d4502ede96b9a64413338544417e6cd201d01af71effe7e3687c97c13",
    "0.39.0": "2dabe3970dea0e61938e0867cf8b6185afb7164f8ae9a6c534d16ba0b565a4a4",
    "0.40.0": "d2636f53b6d0afe26f95a948a6459305045b12766a9266c11bc5adba08e21caa",
    "0.41.0": "2ac9b301f65084dce0551b437a2f25fd59dd89b200f4b686b2e47faa259bfa43",
    "0.42.0": "2f25604ae097280c246110db2cff2c6c41689e1b9d841dfa16c71d5499b4a6f5",
    "0.43.0": "bc9fc7b773c710cd0c2f4f93cf27a3d8d671cfbfb1735c286530d8bb23976a86",
    "0.44.0": "f57af0e28e11326c18454606df0f298c2747e2385823d519ae12f0d2ea3b6f1f",
    "0.45.0": "a1bd2a953d47ef1a9b779433d01a826eb459deb1064ccc46b967d7733bf4fd10",
}


def pins_for(root: Path) -> dict[str, str]:
    """The pins the releases under ``root`` call for, oldest first."""
    folders = sorted((p for p in Path(root).iterdir() if Version.is_valid(p.name) and p.is_dir()), key=lambda p: Version.parse(p.name))
    return {p.name: sha256_file(p / "manifest.json") for p in folders}


def render(pins: dict[str, str]) -> str:
    """This module's source with ``pins`` as :data:`PINNED`."""
    source = Path(__file__).read_text(encoding="utf-8")
    head, rest = source.split("PINNED: dict[str, str] = {\n", 1)
    tail = rest.split("}\n", 1)[1]
    body = "".join(f'    "{v}": "{h}",\n' for v, h in pins.items())
    return f"{head}PINNED: dict[str, str] = {{\n{body}}}\n{tail}"
