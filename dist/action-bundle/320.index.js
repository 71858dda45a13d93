export const id = 320;
export const ids = [320];
export const modules = {

/***/ 320:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  S3Store: () => (/* binding */ S3Store)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/backup-engine/multipart-upload.ts
/**
 * Streaming an object of unknown length to S3 with bounded, constant memory. Each part is
 * copied into one of a few reusable buffers (parts in flight + the one being filled), so
 * memory does not depend on how fast the garbage collector frees earlier parts; a stream
 * shorter than one part becomes a single PutObject. On failure the multipart upload is
 * aborted (best effort) and the original error is what the caller sees.
 *
 * The requests follow S3's documented integrity rules rather than the SDK's defaults (which
 * changed in v3.729, aws-sdk-js-v3 #6810): the upload is created with one checksum algorithm
 * and type (CRC32, COMPOSITE), every part carries its CRC32, and the completion lists each
 * part's checksum. The completion is conditional (If-None-Match: *), as the single PUT is, so
 * a finished upload never replaces an object that appeared meanwhile.
 */


/** S3's checksum headers carry the big-endian bytes of the CRC, base64-encoded. */
function crc32Base64(data) {
    const bytes = Buffer.alloc(4);
    bytes.writeUInt32BE((0,external_node_zlib_.crc32)(data) >>> 0);
    return bytes.toString("base64");
}
class BufferPool {
    size;
    free = [];
    constructor(size) {
        this.size = size;
    }
    take() {
        return this.free.pop() ?? Buffer.allocUnsafeSlow(this.size);
    }
    give(buffer) {
        this.free.push(buffer);
    }
}
async function uploadStream(target, body) {
    const { client, bucket, key, partSize } = target;
    const pool = new BufferPool(partSize);
    let current = pool.take();
    let filled = 0;
    let uploadId;
    let nextPartNumber = 1;
    const parts = [];
    const inFlight = new Set();
    let failure;
    const sendPart = (buffer, length, partNumber, id) => {
        const body = buffer.subarray(0, length);
        const checksum = crc32Base64(body);
        const sent = client
            .send(new dist_cjs/* UploadPartCommand */.iVK({
            Bucket: bucket,
            Key: key,
            UploadId: id,
            PartNumber: partNumber,
            Body: body,
            ContentLength: length,
            ChecksumAlgorithm: "CRC32",
            ChecksumCRC32: checksum,
        }))
            .then((answer) => {
            parts.push({ PartNumber: partNumber, ETag: answer.ETag ?? "", ChecksumCRC32: checksum });
            pool.give(buffer);
        })
            .catch((error) => {
            failure ??= error;
        })
            .finally(() => inFlight.delete(sent));
        inFlight.add(sent);
    };
    const flushPart = async () => {
        if (!uploadId) {
            const created = await client.send(new dist_cjs/* CreateMultipartUploadCommand */.nG4({
                Bucket: bucket,
                Key: key,
                ChecksumAlgorithm: "CRC32",
                ChecksumType: "COMPOSITE",
            }));
            if (!created.UploadId)
                throw new Error("S3 did not return an upload id");
            uploadId = created.UploadId;
        }
        // Backpressure: wait for a free slot before reading on.
        while (inFlight.size >= target.concurrency)
            await Promise.race(inFlight);
        if (failure)
            throw failure;
        sendPart(current, filled, nextPartNumber++, uploadId);
        current = pool.take();
        filled = 0;
    };
    try {
        for await (const chunk of body) {
            let offset = 0;
            while (offset < chunk.length) {
                const n = Math.min(chunk.length - offset, partSize - filled);
                chunk.copy(current, filled, offset, offset + n);
                filled += n;
                offset += n;
                if (filled === partSize)
                    await flushPart();
            }
            if (failure)
                throw failure;
        }
        if (!uploadId) {
            await client.send(new dist_cjs/* PutObjectCommand */.wKZ({
                Bucket: bucket,
                Key: key,
                Body: current.subarray(0, filled),
                ContentLength: filled,
                IfNoneMatch: "*",
            }));
            return;
        }
        if (filled > 0)
            await flushPart();
        await Promise.all(inFlight);
        if (failure)
            throw failure;
        parts.sort((a, b) => a.PartNumber - b.PartNumber);
        await client.send(new dist_cjs/* CompleteMultipartUploadCommand */.Gym({
            Bucket: bucket,
            Key: key,
            UploadId: uploadId,
            MultipartUpload: { Parts: parts },
            // Refused with 412 if the key exists by now: a backup is never overwritten.
            IfNoneMatch: "*",
        }));
    }
    catch (error) {
        body.destroy();
        await Promise.allSettled(inFlight);
        if (uploadId) {
            await client
                .send(new dist_cjs/* AbortMultipartUploadCommand */.tfP({ Bucket: bucket, Key: key, UploadId: uploadId }))
                .catch(() => {
                // Best effort: a bucket lifecycle rule for incomplete uploads is the backstop.
            });
        }
        throw error;
    }
}

// EXTERNAL MODULE: ./src/backup-engine/store.ts
var store = __webpack_require__(694);
;// CONCATENATED MODULE: ./src/backup-engine/s3-store.ts
/**
 * S3 and S3-compatible stores through the AWS SDK. Uploads are multipart with a small,
 * fixed number of parts in flight, so memory does not grow with the backup; a failed
 * upload is aborted, which leaves no object behind.
 */




const MIN_PART_SIZE = 5 * 1024 * 1024;
const MAX_PARTS = 10_000;
const PARTS_IN_FLIGHT = 2;
/**
 * The smallest part S3 allows keeps memory low (a part is held in memory while it is sent),
 * unless the expected size needs bigger parts to stay within S3's 10,000 parts. Without an
 * estimate (commands, files) the limit is about 48 GiB stored.
 */
function partSizeFor(sizeHint) {
    if (!sizeHint)
        return MIN_PART_SIZE;
    // Headroom: the estimate is of the database on disk, not of the dump.
    return Math.max(MIN_PART_SIZE, Math.ceil((sizeHint * 1.5) / (MAX_PARTS - 500)));
}
/** S3's answer to a conditional write (If-None-Match: *) whose key exists. */
function isPreconditionFailed(error) {
    const e = error;
    return e.name === "PreconditionFailed" || e.$metadata?.httpStatusCode === 412;
}
function isNotFound(error) {
    const e = error;
    return e.name === "NotFound" || e.name === "NoSuchKey" || e.$metadata?.httpStatusCode === 404;
}
class S3Store {
    options;
    client;
    constructor(options) {
        this.options = options;
        const config = {
            region: options.region,
            forcePathStyle: options.forcePathStyle,
            ...(options.endpoint ? { endpoint: options.endpoint } : {}),
            ...(options.credentials ? { credentials: options.credentials } : {}),
        };
        if (options.endpoint) {
            // Many S3-compatible stores do not understand the SDK's default trailing checksums
            // (aws-chunked bodies); the backup carries its own SHA-256 anyway.
            config.requestChecksumCalculation = "WHEN_REQUIRED";
            config.responseChecksumValidation = "WHEN_REQUIRED";
        }
        this.client = new dist_cjs/* S3Client */.YxF(config);
    }
    objectKey(key) {
        return this.options.prefix ? `${this.options.prefix}/${key}` : key;
    }
    location(key) {
        return `s3://${this.options.bucket}/${this.objectKey(key)}`;
    }
    async exists(key) {
        try {
            await this.client.send(new dist_cjs/* HeadObjectCommand */.l81({ Bucket: this.options.bucket, Key: this.objectKey(key) }));
            return true;
        }
        catch (error) {
            if (isNotFound(error))
                return false;
            throw error;
        }
    }
    async upload(key, body, sizeHint) {
        if (await this.exists(key))
            throw new store/* ObjectExistsError */.q(`${this.location(key)} already exists`);
        try {
            await uploadStream({
                client: this.client,
                bucket: this.options.bucket,
                key: this.objectKey(key),
                partSize: this.options.partSize ?? partSizeFor(sizeHint),
                concurrency: PARTS_IN_FLIGHT,
            }, body);
        }
        catch (error) {
            // The key appeared while the upload ran; the conditional write kept the other object.
            if (isPreconditionFailed(error)) {
                throw new store/* ObjectExistsError */.q(`${this.location(key)} already exists`);
            }
            throw error;
        }
    }
    async putSmall(key, body) {
        if (await this.exists(key))
            throw new store/* ObjectExistsError */.q(`${this.location(key)} already exists`);
        await this.client.send(new dist_cjs/* PutObjectCommand */.wKZ({
            Bucket: this.options.bucket,
            Key: this.objectKey(key),
            Body: body,
            ContentType: "application/json",
            // S3 refuses the write if the key appeared since the check above.
            IfNoneMatch: "*",
        }));
    }
    async download(key) {
        const response = await this.client.send(new dist_cjs/* GetObjectCommand */.jLs({ Bucket: this.options.bucket, Key: this.objectKey(key) }));
        const body = response.Body;
        if (body instanceof external_node_stream_.Readable)
            return body;
        throw new Error(`${this.location(key)}: the S3 response has no readable body`);
    }
    async readSmall(key) {
        const response = await this.client.send(new dist_cjs/* GetObjectCommand */.jLs({ Bucket: this.options.bucket, Key: this.objectKey(key) }));
        if (!response.Body)
            throw new Error(`${this.location(key)}: empty response`);
        return response.Body.transformToString("utf8");
    }
    async list(prefix) {
        const out = [];
        const base = this.options.prefix ? `${this.options.prefix}/` : "";
        let token;
        do {
            const page = await this.client.send(new dist_cjs/* ListObjectsV2Command */.u6x({
                Bucket: this.options.bucket,
                Prefix: base + prefix,
                ...(token ? { ContinuationToken: token } : {}),
            }));
            for (const object of page.Contents ?? []) {
                if (object.Key)
                    out.push({ key: object.Key.slice(base.length), size: object.Size ?? 0 });
            }
            token = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (token);
        return out;
    }
    async remove(key) {
        await this.client.send(new dist_cjs/* DeleteObjectCommand */.k4j({ Bucket: this.options.bucket, Key: this.objectKey(key) }));
    }
    destroy() {
        this.client.destroy();
    }
}


/***/ })

};
