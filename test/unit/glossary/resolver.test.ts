import { strict as assert } from 'assert';
import fc from 'fast-check';
import { GlossaryResolver } from '../../../src/core/glossary/resolver';
import { glossary } from '../../helpers/content';

/** A line, the text the cursor sits on (first occurrence, cursor in its middle), and the entry id expected. */
const CASES: [line: string, at: string, id: string][] = [
  // Python boto3, InvokeModel bodies
  ['body = {"top_p": 0.9}', 'top_p', 'top-p'],
  ['    "temperature": 0.5,', 'temperature', 'temperature'],
  ['    "max_tokens": 512,', 'max_tokens', 'max-tokens'],
  ['    "stop_sequences": ["\\n\\nHuman:"],', 'stop_sequences', 'stop-sequences'],
  ['    "top_k": 250,', 'top_k', 'top-k'],
  ['client = boto3.client("bedrock-runtime", region_name="us-east-1")', 'bedrock-runtime', 'bedrock-runtime'],
  ['client = boto3.client("bedrock-runtime", region_name="us-east-1")', 'runtime', 'bedrock-runtime'],
  ['response = client.invoke_model(modelId=model_id, body=json.dumps(body))', 'invoke_model', 'invoke-model'],
  ['stream = client.invoke_model_with_response_stream(modelId=model_id, body=body)', 'response_stream', 'invoke-model-with-response-stream'],
  ['stream = client.invoke_model_with_response_stream(modelId=model_id, body=body)', 'invoke', 'invoke-model-with-response-stream'],
  ['response = client.converse(modelId=model_id, messages=messages)', 'converse', 'converse-api'],
  ['for event in client.converse_stream(modelId=mid, messages=msgs)["stream"]:', 'converse_stream', 'converse-stream'],
  ['agent = boto3.client("bedrock-agent-runtime")', 'agent-runtime', 'bedrock-agent-runtime'],
  ['resp = agent.retrieve_and_generate(input={"text": q}, retrieveAndGenerateConfiguration=cfg)', 'retrieve_and_generate', 'retrieve-and-generate'],
  ['resp = agent.invoke_agent(agentId=aid, agentAliasId=alias, sessionId=sid, inputText=q)', 'invoke_agent', 'invoke-agent'],
  ['    "textGenerationConfig": {"maxTokenCount": 512, "topP": 0.9}', 'maxTokenCount', 'max-tokens'],
  ['    "textGenerationConfig": {"maxTokenCount": 512, "topP": 0.9}', 'topP', 'top-p'],
  ['config = LoraConfig(r=8, lora_alpha=16, target_modules=["q_proj", "v_proj"])', 'LoraConfig', 'lora'],
  ['model = get_peft_model(base_model, lora_config)', 'lora_config', 'lora'],
  ['    "inferenceConfig": {"maxTokens": 256, "temperature": 0.2},', 'inferenceConfig', 'inference-config'],
  // TypeScript Converse and InvokeModel calls
  ['const client = new BedrockRuntimeClient({ region: "us-east-1" });', 'BedrockRuntimeClient', 'bedrock-runtime'],
  ['  inferenceConfig: { maxTokens: 512, topP: 0.9, temperature: 0.3, stopSequences: ["END"] },', 'maxTokens', 'max-tokens'],
  ['  inferenceConfig: { maxTokens: 512, topP: 0.9, temperature: 0.3, stopSequences: ["END"] },', 'topP', 'top-p'],
  ['  inferenceConfig: { maxTokens: 512, topP: 0.9, temperature: 0.3, stopSequences: ["END"] },', 'temperature', 'temperature'],
  ['  inferenceConfig: { maxTokens: 512, topP: 0.9, temperature: 0.3, stopSequences: ["END"] },', 'stopSequences', 'stop-sequences'],
  ['const out = await client.send(new ConverseCommand({ modelId, messages }));', 'ConverseCommand', 'converse-api'],
  ['const res = await client.send(new InvokeModelCommand({ modelId, body }));', 'InvokeModelCommand', 'invoke-model'],
  ['const res = await client.send(new InvokeModelWithResponseStreamCommand(input));', 'ResponseStream', 'invoke-model-with-response-stream'],
  ['const stream = await client.send(new ConverseStreamCommand(input));', 'ConverseStream', 'converse-stream'],
  ['const kb = new BedrockAgentRuntimeClient({});', 'AgentRuntime', 'bedrock-agent-runtime'],
  ['  modelId: "anthropic.claude-3-haiku-20240307-v1:0",', 'modelId', 'model-id'],
  // Prose in markdown notes
  ['Lower the temperature when answers must be repeatable.', 'temperature', 'temperature'],
  ['Top P and top-k both trim the candidate tokens.', 'Top P', 'top-p'],
  ['TOP_P is read from the environment in our wrapper.', 'TOP_P', 'top-p'],
  ['Nucleus sampling keeps the smallest set of likely tokens.', 'sampling', 'top-p'],
  ['Buy Provisioned Throughput for steady, high traffic.', 'Throughput', 'provisioned-throughput'],
  ['Amazon SageMaker Clarify reports bias metrics before training.', 'Clarify', 'sagemaker-clarify'],
  ['Use RAG when the answers live in your own documents.', 'RAG', 'rag'],
  ['LoRA trains small low-rank matrices beside frozen weights.', 'LoRA', 'lora'],
  ['Knowledge Bases for Amazon Bedrock handle chunking and retrieval.', 'Knowledge Bases', 'knowledge-bases'],
  ['Guardrails can block denied topics in prompts and responses.', 'denied topics', 'denied-topics'],
  ['Embeddings turn text into vectors for similarity search.', 'Embeddings', 'embedding'],
  ['Batch inference costs about half of on-demand pricing.', 'Batch inference', 'batch-inference'],
  ['Stop sequences end generation early.', 'Stop sequences', 'stop-sequences'],
  ['A higher temperature gives more varied output.', 'temperature', 'temperature'],
  ['Amazon Comprehend finds entities and sentiment in text.', 'Comprehend', 'amazon-comprehend'],
  ['SageMaker Model Monitor watches endpoints for drift.', 'Model Monitor', 'sagemaker-model-monitor'],
  ['Chain-of-thought prompting asks the model to reason step by step.', 'Chain-of-thought', 'chain-of-thought'],
];

describe('glossary resolver on real code and prose', () => {
  const entries = glossary();
  const resolver = new GlossaryResolver(entries);
  const ids = new Set(entries.map((e) => e.id));

  it(`resolves ${CASES.length} real lines`, function () {
    const failures: string[] = [];
    for (const [line, at, id] of CASES) {
      if (!ids.has(id)) { failures.push(`entry "${id}" is not in the glossary`); continue; }
      const start = line.indexOf(at);
      assert.ok(start >= 0, `"${at}" must occur in the test line`);
      const col = start + Math.floor(at.length / 2);
      const got = resolver.resolve(line, col);
      if (got?.entry.id !== id) failures.push(`${JSON.stringify(line)} @${col} (${at}): expected ${id}, got ${got?.entry.id ?? 'nothing'}`);
    }
    assert.deepEqual(failures, []);
  });

  it('returns nothing between terms and on plain words', () => {
    const line = 'x = compute(a, b)  # nothing here';
    for (let col = 0; col <= line.length; col++) assert.equal(resolver.resolve(line, col), undefined, `col ${col}`);
  });

  it('gives the range of the longest match', () => {
    const line = 'stream = client.invoke_model_with_response_stream(body)';
    const got = resolver.resolve(line, line.indexOf('invoke') + 1);
    assert.equal(line.slice(got!.start, got!.end), 'invoke_model_with_response_stream');
  });
});

describe('glossary resolver mechanics', () => {
  const entries = [
    { id: 'top-p', term: 'Top-p', aliases: ['nucleus sampling'] },
    { id: 'lora', term: 'LoRA', aliases: ['low-rank adaptation'] },
    { id: 'invoke-model', term: 'InvokeModel', aliases: [] },
    { id: 'invoke-stream', term: 'InvokeModelWithResponseStream', aliases: [] },
    { id: 'max-tokens', term: 'max tokens', aliases: ['maxTokenCount'] },
    { id: 'pt', term: 'Provisioned Throughput', aliases: [] },
    { id: 'clarify', term: 'Amazon SageMaker Clarify', aliases: ['SageMaker Clarify', 'Clarify'] },
    { id: 'br', term: 'bedrock-runtime', aliases: [] },
    { id: 'emb', term: 'embedding', aliases: [] },
  ];
  const r = new GlossaryResolver(entries);
  const at = (line: string, word: string) => r.resolve(line, line.indexOf(word) + 1)?.entry.id;

  it('treats case and separators alike', () => {
    for (const form of ['top-p', 'top_p', 'topP', 'Top P', 'TOP_P', 'TopP']) assert.equal(at(`x ${form} y`, form), 'top-p', form);
  });
  it('splits identifiers', () => {
    assert.equal(at('LoraConfig(r=8)', 'Lora'), 'lora');
    assert.equal(at('lora_config = 1', 'lora'), 'lora');
    assert.equal(at('c.invoke_model_with_response_stream()', 'stream'), 'invoke-stream');
    assert.equal(at('c.invoke_model()', 'model'), 'invoke-model');
    assert.equal(at('{"maxTokenCount": 5}', 'Token'), 'max-tokens');
  });
  it('matches multi-word and hyphenated terms, longest first', () => {
    assert.equal(at('Use Amazon SageMaker Clarify here', 'Amazon'), 'clarify');
    assert.equal(at('buy Provisioned Throughput', 'Throughput'), 'pt');
    assert.equal(at('client("bedrock-runtime")', 'runtime'), 'br');
    assert.equal(at('nucleus sampling is top-p', 'nucleus'), 'top-p');
  });
  it('matches plurals', () => {
    assert.equal(at('Embeddings are vectors', 'Embeddings'), 'emb');
  });
  it('does not join words across strong punctuation', () => {
    assert.equal(r.resolve('bedrock, runtime', 10), undefined);
  });
  it('looks up written forms without a line', () => {
    assert.equal(r.lookup('TOP_P')?.id, 'top-p');
    assert.equal(r.lookup('Low-Rank Adaptation')?.id, 'lora');
    assert.equal(r.lookup('unknown thing'), undefined);
  });

  it('never throws and stays in range on random text (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.nat(320), (line, col) => {
      const m = r.resolve(line, col);
      if (m) {
        assert.ok(m.start >= 0 && m.end <= line.length && m.start < m.end);
        assert.ok(m.start <= col && col <= m.end, 'the match covers the cursor');
      }
    }), { numRuns: 500 });
  });

  it('never throws on adversarial identifier soup (property)', () => {
    const piece = fc.constantFrom('top', 'P', '_', '-', ' ', 'Lora', 'Config', 'invoke', 'Model', '.', '"', 'ÄÖ', '🙂', '\t', 'x'.repeat(50));
    fc.assert(fc.property(fc.array(piece, { maxLength: 80 }), fc.nat(400), (parts, col) => {
      const line = parts.join('');
      const m = r.resolve(line, col);
      if (m) assert.equal(line.slice(m.start, m.end), m.text);
    }), { numRuns: 500 });
  });
});
