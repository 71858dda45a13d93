/** The S3-compatible server for the backup benchmark, in its own process: prints its endpoint. */
import { startS3 } from "../test/helpers/s3.js";

const s3 = await startS3("bench");
process.stdout.write(`${s3.endpoint}\n`);
process.once("SIGTERM", () => {
  void s3.stop().then(() => process.exit(0));
});
