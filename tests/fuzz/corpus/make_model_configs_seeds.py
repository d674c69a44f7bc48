#!/usr/bin/python3
"""Seeds for fuzz_model_configs: the config.json files a model set is installed with,
with the values the readers expect (the official DiT config in the hub's, a fixture's and
a flat form; MuQ-MuLan's with its text and audio blocks; XLM-R's; MuQ's), written as
AudioTowerConfig / StyleEncoderConfig::official_*_json write them for the defaults.
Run from this folder: /usr/bin/python3 make_model_configs_seeds.py"""
import json
import os

dit = {"dim": 2048, "depth": 16, "heads": 32, "ff_mult": 4, "text_dim": 512, "conv_layers": 4,
       "mel_dim": 64, "text_num_embeds": 363}
mulan = {
    "mulan": {"sr": 24000, "clip_secs": 10, "dim_latent": 512},
    "text_model": {"name": "xlm-roberta-base", "model_dim": None, "use_layer_idx": -1},
    "text_transformer": {"dim": 768, "tf_depth": 8, "max_seq_len": 1024, "heads": 8,
                         "dim_head": 64, "ff_mult": 4},
    "audio_model": {"name": "OpenMuQ/MuQ-large-msd-iter", "model_dim": 1024, "use_layer_idx": -1},
    "audio_transformer": {"dim": 768, "tf_depth": 8, "heads": 8, "dim_head": 64, "ff_mult": 4},
}
xlmr = {"model_type": "xlm-roberta", "vocab_size": 250002, "hidden_size": 768,
        "num_hidden_layers": 12, "num_attention_heads": 12, "intermediate_size": 3072,
        "hidden_act": "gelu", "max_position_embeddings": 514, "type_vocab_size": 1,
        "layer_norm_eps": 1e-05, "pad_token_id": 1, "bos_token_id": 0, "eos_token_id": 2}
muq = {"features": ["melspec_2048"], "hop_length": 240, "n_mels": 128, "conv_dim": 512,
       "encoder_dim": 1024, "encoder_depth": 12,
       "stat": {"melspec_2048_mean": 6.768444971712967, "melspec_2048_std": 18.417922652295623},
       "w2v2_config": {"num_attention_heads": 16, "intermediate_size": 4096,
                       "conv_depthwise_kernel_size": 31, "layer_norm_eps": 1e-05,
                       "rotary_embedding_base": 10000, "position_embeddings_type": "rotary",
                       "hidden_act": "swish"}}
seeds = {
    "dit_hub.json": {"model_type": "diffrhythm", "model": dit},
    "dit_fixture.json": {"config": dict(dit, dim=64, depth=2)},
    "dit_flat.json": dict(dit, conv_layers=0),
    "mulan_config.json": mulan,
    "xlmr_config.json": xlmr,
    "muq_config.json": muq,
}
os.makedirs("model_configs", exist_ok=True)
for name, value in seeds.items():
    with open(os.path.join("model_configs", name), "w") as f:
        json.dump(value, f, indent=1)
    print(name)
