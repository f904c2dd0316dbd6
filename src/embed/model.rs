//! The network itself: MiniLM-L6 (a 6-layer BERT) run with candle on the
//! CPU, and the pooling that turns its token vectors into one unit vector
//! per text.
//!
//! Inputs here are token ids, already truncated, and every sequence of one
//! call has the same length: no padding and no attention mask, so a row's
//! arithmetic never sees another row (see the determinism notes in
//! [`super`]).

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config, HiddenAct, PositionEmbeddingType};

use super::EmbedError;

/// Width of the model's token and sentence vectors.
pub(crate) const DIM: usize = 384;

/// The all-MiniLM-L6-v2 configuration, as in the model's `config.json`
/// (used when the folder has none).
pub(crate) fn builtin_config() -> Config {
    Config {
        vocab_size: 30522,
        hidden_size: DIM,
        num_hidden_layers: 6,
        num_attention_heads: 12,
        intermediate_size: 1536,
        hidden_act: HiddenAct::Gelu,
        hidden_dropout_prob: 0.1,
        max_position_embeddings: 512,
        type_vocab_size: 2,
        initializer_range: 0.02,
        layer_norm_eps: 1e-12,
        pad_token_id: 0,
        position_embedding_type: PositionEmbeddingType::Absolute,
        use_cache: true,
        classifier_dropout: None,
        model_type: Some("bert".to_string()),
    }
}

/// The loaded network.
pub(crate) struct MiniLm {
    bert: BertModel,
    device: Device,
}

impl MiniLm {
    /// Builds the network from the bytes of a safetensors file.
    pub(crate) fn from_safetensors(weights: Vec<u8>, config: &Config) -> candle_core::Result<Self> {
        let device = Device::Cpu;
        let vb = VarBuilder::from_buffered_safetensors(weights, DType::F32, &device)?;
        let bert = BertModel::load(vb, config)?;
        Ok(MiniLm { bert, device })
    }

    /// Embeds sequences of token ids that all have the same length: mean of
    /// the last hidden states over every token (`[CLS]` and `[SEP]` included),
    /// then L2 normalisation.
    pub(crate) fn embed_equal_length(&self, seqs: &[&[u32]]) -> Result<Vec<Vec<f32>>, EmbedError> {
        let Some(first) = seqs.first() else {
            return Ok(Vec::new());
        };
        let len = first.len();
        if len == 0 || seqs.iter().any(|s| s.len() != len) {
            return Err(EmbedError::Inference(format!(
                "a batch must hold non-empty sequences of one length (got lengths {:?})",
                seqs.iter().map(|s| s.len()).collect::<Vec<_>>()
            )));
        }
        let flat: Vec<u32> = seqs.iter().flat_map(|s| s.iter().copied()).collect();
        let input_ids = Tensor::from_vec(flat, (seqs.len(), len), &self.device)?;
        let token_type_ids = input_ids.zeros_like()?;
        let hidden = self.bert.forward(&input_ids, &token_type_ids, None)?;
        let hidden: Vec<f32> = hidden.flatten_all()?.to_vec1()?;
        Ok(hidden
            .chunks_exact(len * DIM)
            .map(mean_pool_normalised)
            .collect())
    }
}

/// Mean over the token vectors of one sequence (`tokens × DIM` values, row
/// after row), then division by the L2 norm. Sums are taken in `f64`, in
/// token order, so the result depends on nothing but the input.
pub(crate) fn mean_pool_normalised(tokens: &[f32]) -> Vec<f32> {
    let mut sum = [0f64; DIM];
    for token in tokens.chunks_exact(DIM) {
        for (s, &x) in sum.iter_mut().zip(token) {
            *s += f64::from(x);
        }
    }
    let n = (tokens.len() / DIM) as f64;
    let mean = sum.map(|s| s / n);
    let norm = mean.iter().map(|x| x * x).sum::<f64>().sqrt();
    // sentence-transformers divides by max(norm, 1e-12): same here.
    let norm = norm.max(1e-12);
    mean.iter().map(|x| (x / norm) as f32).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pooling_averages_tokens_and_normalises() {
        let mut tokens = vec![0f32; 2 * DIM];
        tokens[0] = 3.0; // token 1: (3, 0, ...)
        tokens[DIM + 1] = 8.0; // token 2: (0, 8, ...)
        let v = mean_pool_normalised(&tokens);
        assert_eq!(v.len(), DIM);
        // mean (1.5, 4) has norm sqrt(18.25)
        let norm = 18.25f64.sqrt();
        assert!((f64::from(v[0]) - 1.5 / norm).abs() < 1e-7);
        assert!((f64::from(v[1]) - 4.0 / norm).abs() < 1e-7);
        assert!(v[2..].iter().all(|&x| x == 0.0));
    }

    #[test]
    fn pooling_a_zero_vector_gives_zeros_not_nan() {
        let v = mean_pool_normalised(&[0f32; DIM]);
        assert!(v.iter().all(|&x| x == 0.0));
    }

    #[test]
    fn builtin_config_is_minilm_l6() {
        let c = builtin_config();
        assert_eq!(
            (c.hidden_size, c.num_hidden_layers, c.intermediate_size),
            (384, 6, 1536)
        );
    }
}
