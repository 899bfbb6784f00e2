/** Realistic code and prose lines with a cursor column, for the hover benchmark. */
const raw: [string, string][] = [
  ['body = json.dumps({"temperature": 0.2, "top_p": 0.9, "max_tokens": 400})', 'top_p'],
  ['runtime = boto3.client("bedrock-runtime", region_name=REGION)', 'runtime'],
  ['response = runtime.invoke_model_with_response_stream(modelId=MODEL_ID, body=body)', 'response_stream'],
  ['  inferenceConfig: { maxTokens: 512, topP: 0.9, temperature: 0.3, stopSequences: ["END"] },', 'stopSequences'],
  ['config = LoraConfig(r=8, lora_alpha=16, target_modules=["q_proj", "v_proj"])', 'LoraConfig'],
  ['const out = await client.send(new ConverseCommand({ modelId, messages }));', 'ConverseCommand'],
  ['Provisioned Throughput reserves model units for steady traffic.', 'Throughput'],
  ['Amazon SageMaker Clarify reports pre-training bias metrics such as class imbalance.', 'Clarify'],
  ['    for i in range(len(items)):  # nothing to see here', 'range'],
  ['Use RAG when the answers live in your own documents, not in the model weights.', 'RAG'],
];
export const HOVER_LINES: [string, number][] = raw.map(([line, at]) => [line, line.indexOf(at) + 1]);
