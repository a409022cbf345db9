"""Bytes per call-hour of a recording after the desk's Opus transcode.

    python bench/recording_size.py --minutes 20

Builds a call the way the recorder writes one (16-bit mono WAV at the line's rate): an agent
and a patient taking turns in espeak-ng speech (Mandarin and English, two voices and speeds),
pauses between turns and line hiss at about -60 dBFS throughout, then runs
``transcode_to_opus`` on it (the same call the call bar makes) and reports the compressed size
scaled to one hour, beside the WAV's, against the 8 MB per call-hour target.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import numpy as np
import soundfile as sf

from agent_app.dialer.transcode import transcode_to_opus

TARGET_BYTES_PER_HOUR = 8 * 1024 * 1024
TURNS = [
    ("cmn", 165, "您好,我是市第一人民医院随访中心的护士,请问是王秀英女士的家属吗?"),
    ("cmn", 140, "是的,我是她女儿,您有什么事?"),
    ("cmn", 165, "王阿姨上周出院,我们做一个电话随访,大概需要三分钟,请问方便吗?"),
    ("cmn", 140, "方便,您说吧。她这几天在家里恢复得还可以,就是伤口有一点痒。"),
    ("cmn", 165, "伤口有没有红肿、渗液,或者发烧超过三十八度五?"),
    ("cmn", 140, "没有发烧,也没有渗液,就是有点痒。"),
    ("en", 160, "Please remember the follow-up visit at the surgery clinic next Tuesday morning."),
    ("cmn", 140, "好的,我们记住了,谢谢你们。"),
]


def speak(voice: str, speed: int, text: str, rate: int, folder: Path) -> np.ndarray:
    out = folder / "turn.wav"
    subprocess.run(
        ["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(out), text],
        check=True,
        capture_output=True,
    )
    audio, source_rate = sf.read(out, dtype="float32", always_2d=False)
    positions = np.arange(0, len(audio), source_rate / rate)
    return np.interp(positions, np.arange(len(audio)), audio).astype(np.float32)


def build_call(minutes: float, rate: int, folder: Path, rng: np.random.Generator) -> Path:
    turns = [speak(v, s, t, rate, folder) for v, s, t in TURNS]
    total = int(minutes * 60 * rate)
    pieces: list[np.ndarray] = []
    length = 0
    index = 0
    while length < total:
        turn = turns[index % len(turns)] * (0.5 if index % 2 else 0.8)  # far end is quieter
        pause = np.zeros(int(rng.uniform(0.3, 1.5) * rate), dtype=np.float32)
        pieces += [turn, pause]
        length += len(turn) + len(pause)
        index += 1
    audio = np.concatenate(pieces)[:total]
    audio += rng.normal(0, 0.001, total).astype(np.float32)  # line hiss, about -60 dBFS
    wav = folder / f"call-{rate}.wav"
    sf.write(wav, np.clip(audio, -1, 1), rate, subtype="PCM_16")
    return wav


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=20.0, help="length of the test call")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if shutil.which("espeak-ng") is None:
        raise SystemExit("espeak-ng is needed for the speech (apt-get install espeak-ng)")
    rng = np.random.default_rng(args.seed)
    with tempfile.TemporaryDirectory(prefix="recording-size-") as name:
        folder = Path(name)
        for rate in (8000, 16000):  # the modem's and the phone line's rate, and wideband SIP
            wav = build_call(args.minutes, rate, folder, rng)
            wav_bytes = wav.stat().st_size
            started = time.perf_counter()
            done = transcode_to_opus(wav)
            seconds = time.perf_counter() - started
            hours = done.duration_ms / 3_600_000
            per_hour = done.size_bytes / hours
            print(
                f"recording_size rate_hz={rate} call_min={done.duration_ms / 60000:.1f} "
                f"wav_mb_per_hour={wav_bytes / hours / 1e6:.1f} "
                f"opus_mb_per_hour={per_hour / 1e6:.2f} "
                f"ratio_to_target={per_hour / TARGET_BYTES_PER_HOUR:.2f} "
                f"compression={wav_bytes / done.size_bytes:.0f}x "
                f"transcode_s_per_call_hour={seconds / hours:.1f}"
            )


if __name__ == "__main__":
    main()
