// Internal: chapter marks inside finished audio files (the output stage, called by
// AudioFileWriter::commit() on the temporary file before it is renamed).
//
//   AudioChapter list --> MP3:        ID3v2.3 CTOC ("toc", top-level, ordered) + CHAP ("chp1" ...) with a
//                                     TIT2 each, through TagLib (the frames' layout is TagLib's)
//                     --> Ogg Vorbis, Opus, FLAC: CHAPTER001=HH:MM:SS.mmm, CHAPTER001NAME=title
//                                     Vorbis comments, through TagLib (kept beside libsndfile's tags)
//                     --> WAV:        a `cue ` chunk and a LIST/adtl chunk with one `labl` per cue,
//                                     appended after libsndfile's chunks (TagLib writes no cue chunk,
//                                     libsndfile writes one but no labels)
//
// Times in the files are milliseconds rounded to nearest (as the timing files round them); WAV cue
// positions are sample frames. The functions that build bytes are pure and unit-tested byte for
// byte; the ones that change a file throw Error::output naming `path` (the target, for messages).
// Titles are UTF-8 on one line without control characters (the render stage makes them so).
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "vorlesen/audio_sink.h"

namespace vorlesen::audio {

// Milliseconds of `sample` at `sample_rate`, rounded to nearest.
std::size_t chapterMilliseconds(std::size_t sample, int sample_rate);

// "HH:MM:SS.mmm" (hours not capped at 24), the Vorbis chapter extension's time.
std::string chapterClock(std::size_t milliseconds);

// The Vorbis comment fields, in order: CHAPTER001, CHAPTER001NAME, CHAPTER002 ... Numbers have
// three digits (readers such as ffmpeg parse no more: the render stage makes at most 999 chapters).
std::vector<std::pair<std::string, std::string>> vorbisChapterFields(const std::vector<AudioChapter>& chapters,
                                                                     int sample_rate);

// The WAV chunks for `chapters` (positions in sample frames of a mono file): "cue " with one cue
// point per chapter (ID k+1, data chunk, sample offset = start), then "LIST" "adtl" with a
// "labl" (ID, NUL-terminated title, padded to an even size) per cue point.
std::string wavChapterChunks(const std::vector<AudioChapter>& chapters);

// Appends wavChapterChunks() to the finished RIFF/WAVE file open as `fd` and fixes the RIFF size.
void appendWavChapters(int fd, const std::string& path, const std::vector<AudioChapter>& chapters);

// Adds CHAP and CTOC frames to the ID3v2 tag of the MP3 file `file` (others stay as they are) and
// saves it as ID3v2.3 (titles in UTF-16): the version podcast apps read, and ffmpeg 5.1 reads the
// sizes of frames inside a v2.4 CHAP as plain integers, so it drops a chapter whose title frame has
// 128 bytes or more (v2.4 sizes are synchsafe).
void writeId3Chapters(const std::string& file, const std::string& path, const std::vector<AudioChapter>& chapters,
                      int sample_rate);

// Adds vorbisChapterFields() to the Vorbis comment of the Ogg Vorbis, Opus or FLAC file `file`.
void writeXiphChapters(const std::string& file, AudioFormat format, const std::string& path,
                       const std::vector<AudioChapter>& chapters, int sample_rate);

}  // namespace vorlesen::audio
