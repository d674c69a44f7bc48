#!/usr/bin/python3
"""Seeds for fuzz_audio, written with Debian's libsndfile itself (through ctypes, so no
Python audio package is needed): one small file per container and codec libsndfile
reads, some at least 10 s long at a low rate so the clip rule and libsoxr's resampling
run (and one at 24 kHz, which is not resampled), some too short (the refusal).
Run from this folder: /usr/bin/python3 make_audio_seeds.py"""
import ctypes
import math
import os

sf = ctypes.CDLL("libsndfile.so.1")


class SF_INFO(ctypes.Structure):
    _fields_ = [("frames", ctypes.c_int64), ("samplerate", ctypes.c_int),
                ("channels", ctypes.c_int), ("format", ctypes.c_int),
                ("sections", ctypes.c_int), ("seekable", ctypes.c_int)]


sf.sf_open.restype = ctypes.c_void_p
sf.sf_open.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(SF_INFO)]
sf.sf_writef_float.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_float), ctypes.c_int64]
sf.sf_close.argtypes = [ctypes.c_void_p]
SFM_WRITE = 0x20

WAV, AIFF, AU, W64, WAVEX, FLAC, CAF, OGG, RF64, MPEG = (
    0x010000, 0x020000, 0x030000, 0x0B0000, 0x130000, 0x170000, 0x180000, 0x200000, 0x220000,
    0x230000)
S8, PCM16, PCM24, PCM32, U8, FLOAT, DOUBLE, ULAW, IMA, MSADPCM, GSM, VORBIS, OPUS, ALAC16, MP3 = (
    0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x10, 0x12, 0x13, 0x20, 0x60, 0x64, 0x70, 0x82)


def write(name, major, subtype, rate, channels, seconds, tone=True):
    frames = max(1, int(seconds * rate))
    info = SF_INFO(0, rate, channels, major | subtype, 0, 0)
    handle = sf.sf_open(os.path.join("audio", name).encode(), SFM_WRITE, ctypes.byref(info))
    if not handle:
        print("skipped", name, "(libsndfile cannot write it)")
        return
    # A quiet tone with a click (silence compresses to nothing in FLAC/Vorbis).
    data = (ctypes.c_float * (frames * channels))()
    for i in range(frames):
        for c in range(channels):
            v = 0.25 * math.sin(2 * math.pi * 3 * (c + 1) * i / rate) if tone else 0.0
            data[i * channels + c] = 0.9 if i == frames // 2 else v
    sf.sf_writef_float(handle, data, frames)
    sf.sf_close(handle)
    print(name, os.path.getsize(os.path.join("audio", name)), "bytes")


os.makedirs("audio", exist_ok=True)
# Long enough for a clip (>= 10 s): low rates keep them small.
write("u8_mono_1000hz_11s.wav", WAV, U8, 1000, 1, 11)
write("float_mono_100hz_12s.wav", WAV, FLOAT, 100, 1, 12)
write("pcm16_stereo_200hz_10s.aiff", AIFF, PCM16, 200, 2, 10.2)
write("ulaw_mono_800hz_10s.au", AU, ULAW, 800, 1, 10.5)
write("click_mono_24khz_11s.flac", FLAC, PCM16, 24000, 1, 11, tone=False)
write("vorbis_click_mono_8khz_11s.ogg", OGG, VORBIS, 8000, 1, 11, tone=False)
# Too short for a clip: containers and codecs.
write("pcm16_stereo_44k1_short.wav", WAV, PCM16, 44100, 2, 0.01)
write("pcm24_mono_48k_short.wavex", WAVEX, PCM24, 48000, 1, 0.01)
write("double_mono_8k_short.w64", W64, DOUBLE, 8000, 1, 0.02)
write("pcm32_stereo_16k_short.rf64", RF64, PCM32, 16000, 2, 0.02)
write("s8_mono_8k_short.aiff", AIFF, S8, 8000, 1, 0.05)
write("ima_adpcm_mono_8k_short.wav", WAV, IMA, 8000, 1, 0.1)
write("ms_adpcm_stereo_8k_short.wav", WAV, MSADPCM, 8000, 2, 0.1)
write("gsm610_mono_8k_short.wav", WAV, GSM, 8000, 1, 0.1)
write("pcm16_stereo_44k1_short.flac", FLAC, PCM16, 44100, 2, 0.05)
write("pcm24_mono_96k_short.flac", FLAC, PCM24, 96000, 1, 0.02)
write("alac16_mono_44k1_short.caf", CAF, ALAC16, 44100, 1, 0.05)
write("opus_mono_48k_short.opus", OGG, OPUS, 48000, 1, 0.1)
write("mp3_mono_8k_short.mp3", MPEG, MP3, 8000, 1, 0.2)
